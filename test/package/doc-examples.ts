import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';
import { blockModule, type DocBlock, documentationBlocks } from './doc-blocks.js';
import { installConsumer, run } from './exec.js';

/**
 * A block that must not compile, checked with the others: it proves that the run below reports a
 * block's errors (a compiler that checked nothing would pass every example).
 */
const CONTROL: DocBlock = {
  where: 'control block',
  file: 'control',
  line: 1,
  preamble: "import { decideRetry } from 'error-contracts';",
  code: "decideRetry('acme', null as never, { attempt: 1, method: 'GET' });",
};

/** The peers the examples use: the consumer has them as a user would (types from the repository's copies). */
const PEERS = ['vitest', 'nock', 'got', '@types/node'];

const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023', 'DOM'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    types: ['node'],
    // The shipped declarations are checked in the packed test's strict consumer; here, the examples.
    skipLibCheck: true,
    noEmit: true,
  },
  include: ['block-*.ts'],
};

/**
 * Every ```ts block in README.md and docs/ compiles under --strict against the installed tarball.
 * `packed` gives the tarball and the folder to work in, once the packed test's beforeAll made them.
 */
export function describeDocExamples(packed: () => { tarball: string; workDir: string }): void {
  describe('the TypeScript examples in README.md and docs/', () => {
    const blocks = documentationBlocks(repoRoot);

    it('are found, and any left out say why', () => {
      expect(blocks.length).toBeGreaterThanOrEqual(15);
      expect(
        blocks.filter((block) => block.skipped === 'no reason given').map((block) => block.where),
      ).toEqual([]);
    });

    it('compile under --strict against the packed package', async () => {
      const { tarball, workDir } = packed();
      const dir = join(workDir, 'doc-examples');
      await installConsumer(dir, tarball, [], ['--offline']);
      for (const peer of PEERS) {
        mkdirSync(join(dir, 'node_modules', peer, '..'), { recursive: true });
        symlinkSync(join(repoRoot, 'node_modules', peer), join(dir, 'node_modules', peer), 'dir');
      }
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
      const compiled = [...blocks.filter((block) => !block.skipped), CONTROL];
      const offsets = compiled.map((block, index) => {
        const { text, codeStartsAt } = blockModule(block);
        writeFileSync(join(dir, `block-${index}.ts`), text);
        return codeStartsAt;
      });
      const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
      const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], dir);
      // Each error, at its place in the markdown: `README.md:262: error TS2339: ...`.
      const errors = [...result.stdout.matchAll(/^block-(\d+)\.ts\((\d+),\d+\): (error .*)$/gm)].map(
        (match) => {
          const index = Number(match[1]);
          const block = compiled[index] as DocBlock;
          const line = block.line + Number(match[2]) - 1 - ((offsets[index] ?? 1) - 1);
          return `${block.file}:${line}: ${match[3]}`;
        },
      );
      const fromControl = errors.filter((error) => error.startsWith('control:'));
      expect(fromControl.length, result.stdout).toBe(1);
      expect(errors.filter((error) => !error.startsWith('control:'))).toEqual([]);
    }, 120_000);
  });
}
