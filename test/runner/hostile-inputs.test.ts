import { execFileSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/cli/config-file.js';
import { readCassette } from '../../src/runner/cassettes/replay.js';
import { parseRunConfig } from '../../src/runner/config/sandbox-config.js';
import { cassetteJson } from '../helpers/cassette-json.js';
import { runCliProcess } from './cli-process.js';

/** Inputs a hostile or careless hand may give; each gets a clear error (exit 2), not a crash or a hang. */
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ec-hostile-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('hostile inputs', () => {
  it('an override body nested 100 000 deep is refused naming the member, not a stack overflow', () => {
    let json: unknown = 1;
    for (let depth = 0; depth < 100_000; depth++) json = [json];
    expect(() =>
      parseRunConfig(
        { vendors: { collate: { checks: { 'code.version_conflict': { request: { json } } } } } },
        'deep.json',
      ),
    ).toThrow(/vendors\.collate\.checks\.code\.version_conflict\.request\.json nests deeper than 64/);
  });

  it.each([
    ['operations', { operations: 'oops' }, 'binding.operations is not an object'],
    ['operations', { operations: { case: 7 } }, 'binding.operations.case is neither a path nor an operation'],
    ['facts', { facts: ['a'], operations: {} }, 'binding.facts is not an object of strings'],
    [
      'numericFacts',
      { facts: {}, numericFacts: 'caseId' },
      'binding.numericFacts is not a list of fact names',
    ],
  ])(
    'a cassette whose binding.%s has the wrong type is refused naming it',
    async (member, binding, message) => {
      const dir = join(scratch, `binding-${member}-${message.length}`);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'collate.cassette.json'), cassetteJson({ binding }));
      await expect(readCassette(dir, 'collate')).rejects.toThrow(message);
    },
  );

  it('a config file that is a FIFO is refused at once rather than waited on', async () => {
    const fifo = join(scratch, 'config.fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(loadConfig(fifo, scratch, 'sandbox')).rejects.toThrow(/is not a regular file/);
  });

  it('init replaces a symlink planted at the config path rather than writing through it', async () => {
    const dir = join(scratch, 'init');
    await mkdir(dir, { recursive: true });
    // A dangling link: init sees no file there and would create the link's target.
    const victim = join(dir, 'victim.json');
    await symlink(victim, join(dir, 'error-contracts.config.json'));
    const run = await runCliProcess([
      'init',
      '--vendor',
      'collate',
      '--config',
      join(dir, 'error-contracts.config.json'),
    ]);
    expect(run.code).toBe(0);
    await expect(lstat(victim)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await lstat(join(dir, 'error-contracts.config.json'))).isSymbolicLink()).toBe(false);
  });

  it('the CLI names the member of a too-deep override in a config file (exit 2)', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = `{"vendors":{"collate":{"baseUrl":"http://127.0.0.1:9/c","checks":{"code.version_conflict":{"request":{"json":${deep}}}}}}}`;
    const file = join(scratch, 'deep.json');
    await writeFile(file, text);
    const run = await runCliProcess([
      'run',
      '--target',
      'sandbox',
      '--vendor',
      'collate',
      '--config',
      file,
      '--dry-run',
    ]);
    expect(run.stderr).toMatch(/request\.json nests deeper than 64/);
    expect(run.code).toBe(2);
  }, 60_000);
});
