import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_CHECK_FILES, importModule } from '../../src/cli/commands/check-client.js';
import { EXIT } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';
import type { ClientCheckResult } from '../../src/client-check/types.js';
import { isolateNetwork } from '../helpers/nock-isolation.js';
import { repoRoot } from '../helpers/paths.js';
import { findAll, parseXml } from '../report/xml.js';
import { validCredentialValue } from './clients/credential-value.js';

isolateNetwork({ strict: false });

const fixture = (name: string) => join(repoRoot, 'test', 'client-check', 'fixtures', name);

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check-client', ...argv], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => new Uint8Array(),
    readFile: async () => new Uint8Array(),
    env: {},
  });
  return { code, stdout, stderr };
}

describe('error-contracts check-client', () => {
  it('exits 0 and lists every rule as obeyed or n/a for the reference client', async () => {
    const { code, stdout } = await cli([
      '--vendor',
      'foresight',
      '--module',
      fixture('reference-client.ts'),
      '--export',
      'reference',
    ]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^Foresight: 13 obeyed, 0 violated, 0 advice, 3 not applicable/);
    expect(stdout).not.toContain('VIOLATED');
  });

  it('keeps the output short across vendors, ends with a table of them, and gives everything with --verbose', async () => {
    const argv = [
      '--vendor',
      'denialbase',
      '--vendor',
      'foresight',
      '--module',
      fixture('send-once-client.mjs'),
    ];
    const short = await cli(argv);
    const verbose = await cli([...argv, '--verbose']);
    expect(short.code).toBe(EXIT.failed);
    expect(verbose.code).toBe(EXIT.failed);
    expect(short.stdout).toMatch(/^rule\s+Denialbase\s+Foresight$/m);
    expect(short.stdout).toMatch(/^backoff\.schedule\s+✗ VIOLATED\s+✗ VIOLATED$/m);
    expect(short.stdout).toContain('run again with --verbose');
    expect(verbose.stdout).not.toContain('run again with --verbose');
    const lines = (text: string) => text.trimEnd().split('\n').length;
    expect(lines(short.stdout)).toBeLessThan(lines(verbose.stdout));
  });

  it('exits 1 and shows the timeline of each violated rule for a client that never retries', async () => {
    const { code, stdout } = await cli([
      '--vendor',
      'denialbase',
      '--module',
      fixture('send-once-client.mjs'),
    ]);
    expect(code).toBe(EXIT.failed);
    expect(stdout).toMatch(/VIOLATED\s+backoff\.schedule/);
    expect(stdout).toMatch(/call 1: GET \/api\/v1\/denials/);
  });

  it('prints the verdict as JSON with --format json, without any credential in it', async () => {
    const { code, stdout } = await cli([
      '--vendor',
      'denialbase',
      '--module',
      fixture('send-once-client.mjs'),
      '--format',
      'json',
    ]);
    expect(code).toBe(EXIT.failed);
    const result = JSON.parse(stdout) as { vendorId: string; verdicts: { rule: string; outcome: string }[] };
    expect(result.vendorId).toBe('denialbase');
    expect(result.verdicts.find((verdict) => verdict.rule === 'backoff.schedule')?.outcome).toBe('violated');
    // The session cookie's value, which the client sent on every call.
    expect(stdout).not.toContain(validCredentialValue('denialbase'));
  });

  it.each([
    [['--module', 'x.mjs'], /--vendor/],
    [['--vendor', 'acme', '--module', 'x.mjs'], /unknown vendor "acme"/],
    [['--vendor', 'collate'], /--module/],
    [['--vendor', 'collate', '--module', 'does-not-exist.mjs'], /cannot load --module does-not-exist\.mjs/],
    [
      ['--vendor', 'collate', '--module', fixture('send-once-client.mjs'), '--export', 'notAFunction'],
      /--export/,
    ],
    [['--vendor', 'collate', '--module', fixture('send-once-client.mjs'), '--format', 'xml'], /--format/],
  ])('exits 2 for %j with a message naming the flag to fix', async (argv, message) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(message);
  });
});

describe('error-contracts check-client for CI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ec-check-client-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('judges the client against every --vendor named, not only the last', async () => {
    const { code, stdout } = await cli([
      '--vendor',
      'foresight',
      '--vendor',
      'denialbase',
      '--module',
      fixture('send-once-client.mjs'),
      '--format',
      'json',
    ]);
    const results = JSON.parse(stdout) as Array<{ vendorId: string; passed: boolean }>;
    expect(results.map((result) => result.vendorId)).toEqual(['foresight', 'denialbase']);
    // A client that never retries breaks the rules of both; one violation is enough to exit 1.
    expect(code).toBe(EXIT.failed);
  });

  it('writes JUnit and JSON with --out: a test case per rule, named by vendor and rule id', async () => {
    const out = join(dir, 'reports');
    const { code, stdout } = await cli([
      '--vendor',
      'denialbase',
      '--vendor',
      'collate',
      '--module',
      fixture('send-once-client.mjs'),
      '--out',
      out,
    ]);
    expect(code).toBe(EXIT.failed);
    expect(stdout).toContain(join(out, CLIENT_CHECK_FILES.junit));
    const results = JSON.parse(
      await readFile(join(out, CLIENT_CHECK_FILES.json), 'utf8'),
    ) as ClientCheckResult[];
    const root = parseXml(await readFile(join(out, CLIENT_CHECK_FILES.junit), 'utf8'));
    const cases = findAll(root, 'testcase');
    expect(cases.map((testcase) => [testcase.attributes.classname, testcase.attributes.name])).toEqual(
      results.flatMap((result) =>
        result.verdicts.map((verdict) => [result.vendorId, `${verdict.rule}: ${verdict.title}`]),
      ),
    );
    const violated = results.flatMap((result) =>
      result.verdicts.filter((verdict) => verdict.outcome === 'violated'),
    );
    expect(findAll(root, 'failure')).toHaveLength(violated.length);
    expect(violated.length).toBeGreaterThan(0);
    expect(findAll(root, 'skipped')).toHaveLength(
      results.flatMap((result) => result.verdicts.filter((verdict) => verdict.outcome === 'not_applicable'))
        .length,
    );
    expect(root.attributes.failures).toBe(String(violated.length));
    // The session cookie the client sent on every call is in neither file.
    for (const file of Object.values(CLIENT_CHECK_FILES)) {
      expect(await readFile(join(out, file), 'utf8')).not.toContain(validCredentialValue('denialbase'));
    }
  });

  it('loads a TypeScript module through tsx when Node cannot load it by itself', async () => {
    const cannot = async () => {
      throw Object.assign(new Error('Unknown file extension ".ts"'), { code: 'ERR_UNKNOWN_FILE_EXTENSION' });
    };
    const loaded = await importModule(fixture('reference-client.ts'), repoRoot, cannot);
    expect(typeof loaded.reference).toBe('function');
  });

  it('says how to load TypeScript where tsx is not installed', async () => {
    const cannot = async () => {
      throw Object.assign(new Error('Unknown file extension ".ts"'), { code: 'ERR_UNKNOWN_FILE_EXTENSION' });
    };
    // A folder outside the repository: no tsx can be found from there.
    await expect(importModule(fixture('reference-client.ts'), dir, cannot)).rejects.toThrow(
      /npm install --save-dev tsx/,
    );
  });
});
