import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/report/result.js';
import { getVendor } from '../../src/vendors/registry.js';
import { parseCommand } from '../helpers/github-commands.js';
import { repoRoot } from '../helpers/paths.js';
import { fixtureResult } from '../report/fixtures.js';
import { readAction, runAction } from './run-action.js';

let workspace: string;

/**
 * A user's project as the action finds it after `npm ci`: node_modules/.bin/error-contracts, here a
 * launcher for this repository's CLI sources.
 */
beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'ec-action-project-'));
  await mkdir(join(workspace, 'node_modules', '.bin'), { recursive: true });
  const bin = join(workspace, 'node_modules', '.bin', 'error-contracts');
  await writeFile(
    bin,
    `#!/usr/bin/env bash\nexec "${process.execPath}" --import "${join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')}" "${join(repoRoot, 'src', 'cli', 'main.ts')}" "$@"\n`,
  );
  await chmod(bin, 0o755);
});
afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

describe('action.yml', () => {
  it('declares every input its script reads and maps every output from the run step', async () => {
    const action = await readAction();
    expect(action.runs.using).toBe('composite');
    const [step] = action.runs.steps;
    expect(Object.keys(action.inputs).sort()).toEqual(
      [
        'cassettes',
        'command',
        'config',
        'fail-on',
        'max-burst',
        'max-wait',
        'out',
        'record',
        'target',
        'vendors',
        'working-directory',
      ].sort(),
    );
    // Inputs reach the script only through env: an input pasted into `run:` could inject shell.
    expect(step?.run).not.toContain('${{');
    for (const output of Object.values(action.outputs))
      expect(output.value).toMatch(/^\$\{\{ steps\.run\.outputs\.[\w-]+ \}\}$/);
  });
});

describe('the action on the embedded simulator', () => {
  it('passes, fills the job summary and sets counts and report paths as outputs', async () => {
    const run = await runAction({ vendors: 'denialbase, collate', 'fail-on': 'drift' }, { workspace });
    expect(run.stderr).not.toContain('::error');
    expect(run.code).toBe(0);
    expect(run.summary).toMatch(/^## ✓ error-contracts: every check behaved as documented/);
    expect(run.summary).toContain(
      `| Path | ${getVendor('denialbase').name} | ${getVendor('collate').name} |`,
    );
    const result = JSON.parse(await readFile(run.outputs.json ?? '', 'utf8')) as RunResult;
    expect(result.vendors.map((vendor) => vendor.id)).toEqual(['denialbase', 'collate']);
    expect(run.outputs).toMatchObject({
      outcome: 'pass',
      'exit-code': '0',
      fail: '0',
      drift: '0',
      pass: String(result.totals.pass),
      'not-applicable': String(result.totals.not_applicable),
      checks: String(Object.values(result.totals).reduce((sum, count) => sum + count, 0)),
      'out-dir': join(workspace, 'error-contracts-reports'),
      junit: join(workspace, 'error-contracts-reports', 'junit.xml'),
      markdown: join(workspace, 'error-contracts-reports', 'summary.md'),
    });
    // The terminal matrix is in the log too, with no annotation for a clean run.
    expect(run.stdout).toContain('Checks:');
    expect(run.stdout).not.toMatch(/^::(error|warning)/m);
  }, 120_000);
});

describe('the action deciding the step', () => {
  /** A stand-in CLI (the `command` input) that leaves a chosen results.json and exits with a chosen code. */
  async function fakeCli(result: RunResult, exitCode: number): Promise<string> {
    const dir = await mkdtemp(join(workspace, 'fake-'));
    await writeFile(join(dir, 'result.json'), JSON.stringify(result));
    const script = join(dir, 'cli.mjs');
    await writeFile(
      script,
      `import { copyFileSync, mkdirSync } from 'node:fs';
const args = process.argv.slice(2);
const out = args[args.indexOf('--out') + 1];
mkdirSync(out, { recursive: true });
copyFileSync(${JSON.stringify(join(dir, 'result.json'))}, out + '/results.json');
console.log(JSON.stringify(args));
process.exit(${exitCode});
`,
    );
    return `node ${script}`;
  }

  const drifting = () => {
    const result = fixtureResult();
    result.totals = { ...result.totals, fail: 0 };
    return result;
  };

  it('fails on drift only when fail-on is drift, with an annotation saying why', async () => {
    const lenient = await runAction({ command: await fakeCli(drifting(), 0) }, { workspace });
    expect(lenient.code).toBe(0);
    const strict = await runAction(
      { command: await fakeCli(drifting(), 0), 'fail-on': 'drift' },
      { workspace },
    );
    expect(strict.code).toBe(1);
    const annotation = parseCommand(
      strict.stdout.split('\n').find((line) => line.startsWith('::error')) ?? '',
    );
    expect(annotation.message).toBe('1 check(s) drifted from the docs, and fail-on is drift.');
  });

  it('passes the inputs on as the CLI flags they name, and keeps the CLI exit code', async () => {
    const run = await runAction(
      {
        command: await fakeCli(fixtureResult(), 3),
        vendors: 'collate,foresight denialbase',
        target: 'sandbox',
        config: 'ec.json',
        record: 'recordings',
        out: 'reports dir',
        'max-wait': '70',
        'max-burst': '20',
      },
      { workspace },
    );
    expect(run.code).toBe(3);
    expect(run.outputs['exit-code']).toBe('3');
    expect(JSON.parse(run.stdout.split('\n')[0] ?? '')).toEqual([
      'run',
      '--target',
      'sandbox',
      '--out',
      'reports dir',
      ...['terminal', 'github', 'junit', 'json', 'html', 'markdown'].flatMap((name) => ['--reporter', name]),
      ...['collate', 'foresight', 'denialbase'].flatMap((id) => ['--vendor', id]),
      '--config',
      'ec.json',
      '--record',
      'recordings',
      '--max-wait',
      '70',
      '--max-burst',
      '20',
    ]);
  });

  it.each<[Record<string, string>, string]>([
    [{ 'fail-on': 'warnings' }, 'fail-on must be fail or drift, not "warnings"'],
    [{ 'working-directory': '.' }, 'error-contracts is not installed in'],
  ])('stops with exit 2 and an error annotation for %j', async (inputs, message) => {
    const empty = await mkdtemp(join(tmpdir(), 'ec-action-empty-'));
    try {
      // The action's own folder stands in empty too, so no build of this repository is found there.
      const run = await runAction(inputs, {
        workspace: inputs['fail-on'] ? workspace : empty,
        actionPath: empty,
      });
      expect(run.code).toBe(2);
      expect(parseCommand(run.stdout.trim()).message).toContain(message);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it.each<[string, Record<string, string>]>([
    ['a forged command in fail-on', { 'fail-on': 'x\n::error::forged\r\n::add-mask::y' }],
    ['an escape sequence in fail-on', { 'fail-on': 'x\u001b]52;c;Zm9v\u0007\u009b2J' }],
    ['a line break in out', { out: 'reports\nfail=0' }],
  ])('keeps %s inside one annotation, controls shown, and sets no output', async (_label, inputs) => {
    const run = await runAction(inputs, { workspace });
    expect(run.code).toBe(2);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error /);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for.
    expect(run.stdout.trim()).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(Object.values(run.outputs).filter((value) => value !== '')).toEqual([]);
  });
});
