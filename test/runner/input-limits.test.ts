import { lstat, mkdir, mkdtemp, open, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';
import { InputTooLargeError, readBoundedFile } from '../../src/fs/bounded-read.js';
import { writeReports } from '../../src/report/write-reports.js';
import { MAX_CASSETTE_BYTES, readCassette } from '../../src/runner/cassettes/replay.js';
import { cassetteJson } from '../helpers/cassette-json.js';
import { fixtureResult } from '../report/fixtures.js';
import { runCliProcess } from './cli-process.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ec-limits-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A file of `bytes` bytes that takes no disk space: only its size matters here. */
async function sparseFile(path: string, bytes: number): Promise<void> {
  const handle = await open(path, 'w');
  await handle.truncate(bytes);
  await handle.close();
}

function cassette(exchange: Record<string, unknown>): string {
  return cassetteJson({ checks: { 'auth.missing': [exchange] } });
}

const request = { method: 'GET', url: 'http://127.0.0.1:9/collate/x', headers: {} };
const response = { status: 401, headers: { 'content-type': 'application/json' }, body: '{}' };

const wrongMembers: { member: string; exchange: Record<string, unknown> }[] = [
  { member: 'response.body', exchange: { at: 0, request, response: { ...response, body: 42 } } },
  { member: 'response.headers', exchange: { at: 0, request, response: { ...response, headers: ['x'] } } },
  { member: 'request.headers', exchange: { at: 0, request: { ...request, headers: { a: 1 } }, response } },
  { member: 'request.url', exchange: { at: 0, request: { ...request, url: 7 }, response } },
  { member: 'request.body', exchange: { at: 0, request: { ...request, body: { a: 1 } }, response } },
  { member: 'error', exchange: { at: 0, request, error: false } },
];

describe('a cassette', () => {
  it.each(wrongMembers)(
    'with a wrong-typed $member is refused naming the member',
    async ({ member, exchange }) => {
      const dir = join(scratch, `member-${member}`);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'collate.cassette.json'), cassette(exchange));
      await expect(readCassette(dir, 'collate')).rejects.toThrow(`checks.auth.missing[0].${member} is not`);
    },
  );

  it('larger than the limit is refused by its size, not reported missing', async () => {
    const dir = join(scratch, 'huge');
    await mkdir(dir, { recursive: true });
    await sparseFile(join(dir, 'collate.cassette.json'), MAX_CASSETTE_BYTES + 1);
    const refusal = readCassette(dir, 'collate');
    await expect(refusal).rejects.toThrow(/above the 64 MB limit for a cassette/);
    await expect(refusal).rejects.not.toThrow(/no cassette/);
  });

  it('with a wrong-typed member makes `run --target replay` exit 2 naming the member', async () => {
    const dir = join(scratch, 'cli-member');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'collate.cassette.json'), cassette(wrongMembers[0]?.exchange ?? {}));
    const run = await runCliProcess(['run', '--target', 'replay', '--vendor', 'collate', '--cassettes', dir]);
    expect(run.stderr).toContain('checks.auth.missing[0].response.body is not a string');
    expect(run.code).toBe(EXIT.usage);
  }, 60_000);
});

describe('bounded reads', () => {
  it('refuse a file from its size before reading it', async () => {
    const path = join(scratch, 'big.bin');
    await sparseFile(path, 2048);
    await expect(readBoundedFile(path, 1024)).rejects.toBeInstanceOf(InputTooLargeError);
    await expect(readBoundedFile(path, 1024)).rejects.toThrow('is 2 KB, above the 1 KB limit');
    expect((await readBoundedFile(path, 4096)).length).toBe(2048);
  });

  it('make `validate` exit 2 with the size and the limit for a body over 16 MB', async () => {
    let stderr = '';
    const code = await runCli(['validate', 'collate', 'body.json'], {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
      readStdin: async () => new Uint8Array(),
      readFile: async () => new Uint8Array(17 * 1024 * 1024),
      env: {},
    });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('"body.json" is 17 MB, above the 16 MB limit');
  });

  it('make `run` exit 2 for a config file over 1 MB, saying so', async () => {
    const path = join(scratch, 'huge.config.json');
    await sparseFile(path, 1024 * 1024 + 1);
    let stderr = '';
    const code = await runCli(['run', '--target', 'sandbox', '--config', path], {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
      readStdin: async () => new Uint8Array(),
      readFile: async () => new Uint8Array(),
      env: {},
    });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('above the 1 MB limit');
  });
});

describe('writing reports', () => {
  it('replaces a symlink planted at a report path instead of writing through it', async () => {
    const out = join(scratch, 'reports');
    await mkdir(out, { recursive: true });
    const victim = join(scratch, 'victim.txt');
    await writeFile(victim, 'untouched');
    await symlink(victim, join(out, 'results.json'));
    await writeReports(fixtureResult(), out, ['json']);
    expect(await readFile(victim, 'utf8')).toBe('untouched');
    expect((await lstat(join(out, 'results.json'))).isSymbolicLink()).toBe(false);
    expect(JSON.parse(await readFile(join(out, 'results.json'), 'utf8'))).toHaveProperty('vendors');
  });
});
