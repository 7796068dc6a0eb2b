/**
 * A configuration is reported whole: every invalid member and every unset variable in one error,
 * each with its fix, so one attempt shows everything to change. A dry run needs no credential, and
 * a role whose variable is not set is skipped, naming it (docs/running.md, "Sandbox configuration").
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseRunConfig,
  resolveSandboxConfig,
  sandboxVendors,
} from '../../src/runner/config/sandbox-config.js';
import { configProblemsOf } from '../helpers/config-problems.js';
import { cli as runCli } from '../helpers/run-cli-captured.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'config-problems-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const cli = (argv: string[], env: Record<string, string> = {}) => runCli(argv, { env, cwd: dir });

describe('a config file with several invalid members', () => {
  it('names every one of them in one error, each with what to write instead', () => {
    const problems = configProblemsOf(() =>
      parseRunConfig(
        {
          vendors: {
            collate: {
              sandbx: true,
              facts: { pendingFileID: 'F-1', staleId: true },
              credentials: { valid: { value: 'k' }, readonly: { value: 'k' } },
              checks: { 'code.forbidden': { request: { method: 'FETCH', path: 'no-slash' } } },
            },
            acme: {},
          },
        },
        'cfg.json',
      ),
    );
    expect(problems).toEqual([
      expect.stringContaining('vendors.collate.sandbx is not a known member'),
      expect.stringMatching(/vendors\.collate\.facts\.pendingFileID .*did you mean "pendingFileId"/i),
      expect.stringContaining('vendors.collate.facts.staleId must be a string, a number'),
      expect.stringMatching(/vendors\.collate\.credentials\.readonly is not a credential role.*readOnly/),
      expect.stringContaining('vendors.collate.checks.code.forbidden.request.method must be one of'),
      expect.stringContaining('vendors.collate.checks.code.forbidden.request.path must be a path'),
      expect.stringContaining('vendors.acme is not a vendor id'),
    ]);
  });

  it('keeps the plain message when there is only one problem', () => {
    expect(() => parseRunConfig({ vendors: { collate: { sandbx: true } } }, 'cfg.json')).toThrow(
      /^cfg\.json: vendors\.collate\.sandbx is not a known member/,
    );
  });
});

describe('variables named in the config', () => {
  const file = parseRunConfig(
    {
      vendors: {
        collate: {
          baseUrl: 'https://sandbox.collate.example',
          sandbox: true,
          credentials: {
            valid: { value: { env: 'ERROR_CONTRACTS_COLLATE_VALID' } },
            readOnly: { value: { env: 'MY_READ_ONLY_KEY' } },
          },
          facts: { payerId: { env: 'MY_PAYER' }, staleId: { env: 'ERROR_CONTRACTS_COLLATE_FACT_STALE_ID' } },
          operations: { authorizations: { env: 'MY_AUTHORIZATIONS_PATH' } },
        },
        foresight: { baseUrl: { env: 'MY_FORESIGHT_URL' } },
      },
    },
    'cfg.json',
  );

  it('reports every unset variable of another name at once, each naming its member', () => {
    expect(configProblemsOf(() => resolveSandboxConfig(file, {}))).toEqual([
      'vendors.collate.credentials.readOnly.value names the variable MY_READ_ONLY_KEY, which is not set; set it or remove vendors.collate.credentials.readOnly.value.',
      'vendors.collate.facts.payerId names the variable MY_PAYER, which is not set; set it or remove vendors.collate.facts.payerId.',
      'vendors.collate.operations.authorizations names the variable MY_AUTHORIZATIONS_PATH, which is not set; set it or remove vendors.collate.operations.authorizations.',
      'vendors.foresight.baseUrl names the variable MY_FORESIGHT_URL, which is not set; set it or remove vendors.foresight.baseUrl.',
    ]);
  });

  it('leaves a member read from its usual variable (as init writes it) unset when that is not set', () => {
    const env = {
      MY_READ_ONLY_KEY: 'k',
      MY_PAYER: 'p',
      MY_AUTHORIZATIONS_PATH: '/pa',
      MY_FORESIGHT_URL: 'http://127.0.0.1:9',
    };
    const collate = resolveSandboxConfig(file, env).get('collate');
    expect(Object.keys(collate?.credentials.roles ?? {})).toEqual(['readOnly']);
    expect(collate?.credentials.facts).toEqual({ payerId: 'p' });
  });

  it('asks for no credential when credentials are not needed (a dry run, a listing)', () => {
    expect(configProblemsOf(() => resolveSandboxConfig(file, {}, { credentials: false }))).not.toContainEqual(
      expect.stringContaining('credentials'),
    );
  });
});

describe('the vendors a sandbox run names', () => {
  it('are all reported when they have no base URL or an undeclared remote one', () => {
    const file = parseRunConfig(
      { vendors: { foresight: { baseUrl: 'https://api.foresight.example' } } },
      'cfg.json',
    );
    expect(
      configProblemsOf(() => sandboxVendors(file, {}, ['collate', 'denialbase', 'foresight'], false)),
    ).toEqual([
      expect.stringMatching(/^collate has no sandbox base URL; set ERROR_CONTRACTS_COLLATE_BASE_URL/),
      expect.stringMatching(/^denialbase has no sandbox base URL; set ERROR_CONTRACTS_DENIALBASE_BASE_URL/),
      expect.stringMatching(
        /^foresight: api\.foresight\.example is not loopback and was not declared a sandbox/,
      ),
    ]);
  });
});

describe("init's config, before any credential is set", () => {
  let config: string;
  beforeAll(async () => {
    config = join(dir, 'init.config.json');
    expect((await cli(['init', '--vendor', 'collate', '--config', config])).code).toBe(0);
    const written = JSON.parse(await readFile(config, 'utf8')) as {
      vendors: { collate: { baseUrl: string; facts: Record<string, unknown> } };
    };
    written.vendors.collate.baseUrl = 'https://sandbox.collate.example';
    // Requests are derived from facts (record ids), which the user fills in before any credential:
    // the key of another environment is the only thing code.forbidden sends, so it can be planned.
    written.vendors.collate.facts.needsAnswersAuthorizationId = 'pa_1';
    written.vendors.collate.facts.productionKey = 'col_live_example';
    await writeFile(config, JSON.stringify(written));
  });

  it('dry-runs on the first attempt: nothing is asked for, and unconfigured roles say what enables them', async () => {
    const { code, stdout, stderr } = await cli([
      'run',
      '--target',
      'sandbox',
      '--vendor',
      'collate',
      '--dry-run',
      '--config',
      config,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Dry run: nothing was sent.');
    expect(stdout).toContain('ERROR_CONTRACTS_COLLATE_READ_ONLY');
    // Checks that need no role of their own are planned, with their URLs.
    expect(stdout).toMatch(/GET https:\/\/sandbox\.collate\.example\/\S+/);
  });
});
