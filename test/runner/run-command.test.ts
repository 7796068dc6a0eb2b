import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/io.js';
import type { RunResult } from '../../src/report/result.js';
import { validateRunResult } from '../../src/report/validate-result.js';
import { getVendor, vendorIds } from '../../src/vendors/registry.js';
import { parseGithubOutputs } from '../helpers/github-commands.js';
import { runCliProcess } from './cli-process.js';

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'run-command-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('error-contracts run against the embedded simulator', () => {
  it('checks every vendor, prints the matrix and writes the four reports', async () => {
    const dir = join(out, 'all');
    const run = await runCliProcess(['run', '--out', dir, '--quiet']);
    // --quiet: no progress, and nothing else went wrong.
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toMatch(
      new RegExp(`path\\s+${vendorIds.map((id) => getVendor(id).name).join('\\s+')}`),
    );
    expect(run.stdout).toMatch(/Wall time: .* · simulated waiting verified: /);
    const result = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as RunResult;
    const validation = validateRunResult(result);
    expect(validation.valid ? [] : validation.issues).toEqual([]);
    expect(result.target).toBe('local');
    expect(result.vendors.map((vendor) => vendor.id)).toEqual(vendorIds);
    expect(result.totals.fail).toBe(0);
    expect(result.totals.pass).toBeGreaterThan(50);
    expect(await readFile(join(dir, 'junit.xml'), 'utf8')).toContain('<testsuites');
    expect(await readFile(join(dir, 'report.html'), 'utf8')).toContain('<!doctype html>');
    expect(await readFile(join(dir, 'summary.md'), 'utf8')).toMatch(/^## ✓ error-contracts: /);
  }, 60_000);

  it('runs the same checklist in-process with --target nock', async () => {
    const run = await runCliProcess([
      'run',
      '--target',
      'nock',
      '--vendor',
      'foresight',
      '--reporter',
      'json',
      '--out',
      join(out, 'nock'),
    ]);
    expect(run.code).toBe(EXIT.ok);
    const result = JSON.parse(await readFile(join(out, 'nock', 'results.json'), 'utf8')) as RunResult;
    expect(result.target).toBe('nock');
    expect(result.vendors.map((vendor) => vendor.id)).toEqual(['foresight']);
    expect(result.totals.pass).toBeGreaterThan(10);
  }, 60_000);

  it('writes plain progress lines, never rewritten, when stderr is not a terminal', async () => {
    const run = await runCliProcess(['run', '--vendor', 'casexchange', '--vendor', 'collate']);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).not.toContain('\r');
    expect(run.stdout).not.toContain('\x1b[');
    const vendorLines = run.stderr.split('\n').filter((line) => /^\[\d+\/\d+\] .+: checking$/.test(line));
    expect(vendorLines.map((line) => line.replace(/^\[\d+\/\d+\] |: checking$/g, ''))).toEqual([
      getVendor('casexchange').name,
      getVendor('collate').name,
    ]);
  }, 60_000);

  it('writes annotations on stdout and the job summary and outputs to the files GitHub names', async () => {
    const summary = join(out, 'step-summary.md');
    const outputs = join(out, 'step-outputs');
    const run = await runCliProcess(
      [
        'run',
        '--vendor',
        'denialbase',
        '--reporter',
        'github',
        '--reporter',
        'json',
        '--out',
        join(out, 'gh'),
      ],
      { env: { GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: outputs } },
    );
    expect(run.code).toBe(EXIT.ok);
    // A passing run has nothing to annotate and prints no terminal summary unless asked to.
    expect(run.stdout).not.toMatch(/^::(error|warning)/m);
    expect(await readFile(summary, 'utf8')).toMatch(
      /^## ✓ error-contracts: every check behaved as documented/,
    );
    const written = parseGithubOutputs(await readFile(outputs, 'utf8'));
    expect(written).toMatchObject({
      fail: '0',
      outcome: 'pass',
      'json-path': join(out, 'gh', 'results.json'),
    });
  }, 60_000);
});

describe('error-contracts run with a mistake in how it was called', () => {
  it.each([
    [['run', '--target', 'staging'], '--target'],
    [['run', '--vendor', 'acme'], 'acme'],
    [['run', '--reporter', 'pdf'], '--reporter'],
    [['run', '--target', 'sandbox'], 'ERROR_CONTRACTS_<VENDOR>_BASE_URL'],
    [['run', '--target', 'sandbox', '--vendor', 'collate'], 'ERROR_CONTRACTS_COLLATE_BASE_URL'],
    [['run', '--target', 'sandbox', '--config', 'missing.json'], '--config'],
    [['run', '--record', 'recordings'], '--record records a sandbox run'],
    [['run', '--target', 'replay'], '--cassettes'],
    [['run', '--cassettes', 'recordings'], '--cassettes is for --target replay'],
    [['run', '--target', 'sandbox', '--max-burst', '0'], '--max-burst'],
    [['run', '--target', 'sandbox', '--max-wait', 'soon'], '--max-wait'],
    [['run', '--max-wait', '5'], 'use them with --target sandbox'],
  ])(
    'exits 2 for %j and names %s',
    async (args, hint) => {
      const run = await runCliProcess(args);
      expect(run.code).toBe(EXIT.usage);
      expect(run.stderr).toContain(hint);
      expect(run.stdout).toBe('');
    },
    30_000,
  );
});

describe('error-contracts run --target sandbox with a base URL that is not loopback', () => {
  const remote = { ERROR_CONTRACTS_FORESIGHT_BASE_URL: 'https://api.foresight.invalid/v1' };

  it('refuses before sending anything and says how to declare a sandbox', async () => {
    const run = await runCliProcess(['run', '--target', 'sandbox'], { env: remote });
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('api.foresight.invalid is not loopback and was not declared a sandbox');
    expect(run.stderr).toContain('ERROR_CONTRACTS_FORESIGHT_SANDBOX=true');
    expect(run.stderr).toContain('--yes-this-is-a-sandbox');
    expect(run.stdout).toBe('');
  }, 30_000);
});

describe('error-contracts run with broken inputs on disk', () => {
  it('names a cassette folder that holds none and exits 2', async () => {
    const empty = join(out, 'no-cassettes');
    await mkdir(empty, { recursive: true });
    const run = await runCliProcess(['run', '--target', 'replay', '--cassettes', empty]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('holds no cassette');
  }, 30_000);

  it('names a truncated cassette file and exits 2 before running anything', async () => {
    const dir = join(out, 'truncated');
    await mkdir(dir, { recursive: true });
    const id = vendorIds[0] ?? 'claimrev';
    await writeFile(join(dir, `${id}.cassette.json`), '{"format": "error-contracts-cassette", "vers');
    const run = await runCliProcess(['run', '--target', 'replay', '--cassettes', dir]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain(`${id}.cassette.json is not valid JSON`);
    expect(run.stdout).toBe('');
  }, 30_000);

  it('says where a config file is not JSON without quoting what it holds', async () => {
    const file = join(out, 'broken.config.json');
    await writeFile(
      file,
      '{\n  "vendors": { "collate": { "credentials": { "valid": { "value": "tok_SECRET_9f8e7d" } } }\n',
    );
    const run = await runCliProcess(['run', '--target', 'sandbox', '--config', file]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('is not valid JSON');
    expect(run.stderr).not.toContain('tok_SECRET_9f8e7d');
  }, 30_000);

  it('refuses a base URL that carries a password, without printing it', async () => {
    const run = await runCliProcess(['run', '--target', 'sandbox'], {
      env: { ERROR_CONTRACTS_COLLATE_BASE_URL: 'http://user:pw_SECRET_123@127.0.0.1:9/collate' },
    });
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('carries a user name or password');
    expect(run.stderr).not.toContain('pw_SECRET_123');
  }, 30_000);

  it('refuses an override for a check id the vendor does not have', async () => {
    const file = join(out, 'typo.config.json');
    await writeFile(
      file,
      JSON.stringify({ vendors: { collate: { checks: { 'code.not_a_code': { skip: 'x' } } } } }),
    );
    const run = await runCliProcess(['run', '--target', 'sandbox', '--config', file]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('vendors.collate.checks.code.not_a_code names no check of collate');
  }, 30_000);
});
