import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';
import { isolateNetwork } from '../helpers/nock-isolation.js';
import { repoRoot } from '../helpers/paths.js';
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
    expect(stdout).toMatch(/^Foresight: 11 obeyed, 0 violated, 0 advice, 2 not applicable/);
    expect(stdout).not.toContain('VIOLATED');
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
