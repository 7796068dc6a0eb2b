import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffold } from '../../src/cli/commands/init.js';
import { EXIT } from '../../src/cli/io.js';
import { checklistFor } from '../../src/conformance/checklist.js';
import { credentialVariable, factVariable } from '../../src/runner/config/env-names.js';
import { parseRunConfig, resolveSandboxConfig } from '../../src/runner/config/sandbox-config.js';
import type { CheckDescription } from '../../src/runner/describe-checks.js';
import { scenarioDataFor } from '../../src/scenarios/index.js';
import { operationPath } from '../../src/scenarios/resolve.js';
import type { CredentialRole } from '../../src/scenarios/types.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { closedPort } from '../helpers/closed-port.js';
import { schemasDir } from '../helpers/paths.js';
import { runCliProcess } from './cli-process.js';

let dir: string;
let sim: RunningSimulator;
let answered = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'discover-'));
  sim = await startSimulator({ vendors: ['casexchange'], onRequest: () => answered++ });
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('error-contracts checks', () => {
  it('lists every check with its request, needs and sandbox fitness as JSON', async () => {
    const run = await runCliProcess(['checks', '--vendor', 'casexchange', '--format', 'json']);
    expect(run.code).toBe(EXIT.ok);
    const checks = JSON.parse(run.stdout) as CheckDescription[];
    expect(checks.map((check) => check.id)).toEqual(checklistFor('casexchange').map((check) => check.id));
    const conflict = checks.find((check) => check.id === 'code.conflict');
    expect(conflict).toMatchObject({ method: 'POST', operation: 'referrals', role: 'valid', sandbox: true });
    expect(conflict?.facts).toEqual(['caseId', 'referredFirmId']);
    expect(conflict?.url).toMatch(/\/referrals$/);
    expect(checks.find((check) => check.id === 'code.internal_error')?.sandbox).toBe(false);
  });

  it('says on the sandbox target which facts a check still lacks', async () => {
    const run = await runCliProcess(['checks', '--vendor', 'casexchange', '--target', 'sandbox'], {
      env: {
        ERROR_CONTRACTS_CASEXCHANGE_BASE_URL: sim.url('casexchange'),
        ERROR_CONTRACTS_CASEXCHANGE_VALID: 'k',
      },
    });
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toMatch(
      /code\.conflict .*\n(?:.*\n)*?.*not run: .*facts\.caseId .*ERROR_CONTRACTS_CASEXCHANGE_FACT_CASE_ID/,
    );
  });
});

async function expectValid(written: unknown): Promise<void> {
  const schema = JSON.parse(await readFile(join(schemasDir, 'meta', 'run-config.schema.json'), 'utf8'));
  const validate = new Ajv2020({ strict: false }).compile(schema);
  expect(validate(written) ? [] : validate.errors).toEqual([]);
}

describe('error-contracts init', () => {
  it('writes a config naming every operation, fact and credential variable, valid against the shipped schema', async () => {
    const file = join(dir, 'error-contracts.config.json');
    const run = await runCliProcess(['init', '--vendor', 'collate', '--config', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT.ok);
    const written = JSON.parse(await readFile(file, 'utf8'));
    const schema = JSON.parse(await readFile(join(schemasDir, 'meta', 'run-config.schema.json'), 'utf8'));
    expect(written.$schema).toMatch(/schemas\/meta\/run-config\.schema\.json$/);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(written) ? [] : validate.errors).toEqual([]);
    const collate = written.vendors.collate;
    const vocabulary = scenarioDataFor('collate');
    expect(Object.keys(collate.operations).sort()).toEqual(Object.keys(vocabulary.operations).sort());
    expect(Object.keys(collate.facts).sort()).toEqual(Object.keys(vocabulary.facts).sort());
    expect(collate.credentials.valid).toEqual({ value: { env: credentialVariable('collate', 'valid') } });
    // It loads as it is: blanks count as not set until filled in.
    expect(() => parseRunConfig(written, 'written')).not.toThrow();
    expect(resolveSandboxConfig(parseRunConfig(written, 'written'), {}).size).toBe(0);
  });

  it('leaves out the token operation of an OAuth vendor, so the valid client’s tokenUrl is where token checks go', async () => {
    const section = scaffold('claimrev');
    expect(Object.keys(section.operations ?? {})).not.toContain('token');
    await expectValid({ vendors: { claimrev: section } });
    const tokenUrl = 'http://127.0.0.1:9/identity/token';
    const roles = Object.keys(section.credentials ?? {}) as CredentialRole[];
    const env = Object.fromEntries(
      roles.flatMap((role) =>
        role === 'expired'
          ? [[credentialVariable('claimrev', role), 'Bearer old']]
          : ['clientId', 'clientSecret', 'scope', 'tokenUrl'].map((field) => [
              credentialVariable('claimrev', role, field),
              field === 'tokenUrl' ? tokenUrl : `${role}-${field}`,
            ]),
      ),
    );
    // Secret facts (a token of another environment) are read from their variables.
    env[factVariable('claimrev', 'productionToken')] = 'token-of-production';
    const vendor = resolveSandboxConfig(
      parseRunConfig({ vendors: { claimrev: { ...section, baseUrl: 'http://127.0.0.1:8' } } }, 'written'),
      env,
    ).get('claimrev');
    if (!vendor) throw new Error('claimrev is not configured');
    expect(operationPath(vendor.credentials, 'token')).toBe(tokenUrl);
  });

  it('writes a secret fact as the variable that holds it, read from there', async () => {
    const section = scaffold('denialbase');
    expect(section.facts?.password).toEqual({ env: factVariable('denialbase', 'password') });
    await expectValid({ vendors: { denialbase: section } });
    const roles = Object.keys(section.credentials ?? {}) as CredentialRole[];
    const vendor = resolveSandboxConfig(
      parseRunConfig({ vendors: { denialbase: { ...section, baseUrl: 'http://127.0.0.1:8' } } }, 'written'),
      {
        ...Object.fromEntries(roles.map((role) => [credentialVariable('denialbase', role), 'session=abcd'])),
        [factVariable('denialbase', 'password')]: 'from-the-environment',
      },
    ).get('denialbase');
    expect(vendor?.credentials.facts.password).toBe('from-the-environment');
  });

  it('rejects what the schema does not know', async () => {
    const schema = JSON.parse(await readFile(join(schemasDir, 'meta', 'run-config.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate({ vendors: { collate: { baseURL: 'x' } } })).toBe(false);
    expect(validate({ vendors: { acme: {} } })).toBe(false);
  });
});

describe('run --dry-run and --only', () => {
  it('prints each request and sends nothing', async () => {
    const before = answered;
    const run = await runCliProcess(
      [
        'run',
        '--target',
        'sandbox',
        '--vendor',
        'casexchange',
        '--dry-run',
        '--only',
        'code.resource_not_found',
      ],
      {
        env: {
          ERROR_CONTRACTS_CASEXCHANGE_BASE_URL: sim.url('casexchange'),
          ERROR_CONTRACTS_CASEXCHANGE_VALID: 'cx_test_standard_7Qm2',
        },
      },
    );
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toContain('code.resource_not_found');
    expect(run.stdout).toMatch(new RegExp(`GET ${sim.url('casexchange')}/cases/\\{\\{uuid\\}\\}  as valid`));
    expect(run.stdout).not.toContain('code.conflict');
    expect(run.stdout).toContain('nothing was sent');
    expect(answered).toBe(before);
  });

  it('runs only the named check', async () => {
    const out = join(dir, 'only');
    const run = await runCliProcess(
      ['run', '--vendor', 'casexchange', '--only', 'code.conflict', '--reporter', 'json', '--out', out],
      { timeoutMs: 90_000 },
    );
    expect(run.code).toBe(EXIT.ok);
    const result = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(result.vendors[0].checks.map((check: { id: string }) => check.id)).toEqual(['code.conflict']);
  }, 90_000);

  it('suggests the id meant by a misspelt --only', async () => {
    const run = await runCliProcess(['run', '--vendor', 'casexchange', '--only', 'code.conflit']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('Did you mean "code.conflict"');
  });
});

describe('the preflight of a sandbox run', () => {
  it('exits 3 with the reason when the base URL does not answer', async () => {
    const run = await runCliProcess(['run', '--target', 'sandbox', '--vendor', 'casexchange'], {
      env: {
        ERROR_CONTRACTS_CASEXCHANGE_BASE_URL: `http://127.0.0.1:${await closedPort()}`,
        ERROR_CONTRACTS_CASEXCHANGE_VALID: 'cx_test_standard_7Qm2',
      },
    });
    expect(run.code).toBe(EXIT.incomplete);
    expect(run.stderr).toMatch(/preflight: casexchange: the base URL .* does not answer/);
    expect(run.stdout).not.toMatch(/fail|drift/i);
  });

  it('exits 2 naming the variable when the valid credential is refused', async () => {
    const run = await runCliProcess(['run', '--target', 'sandbox', '--vendor', 'casexchange'], {
      env: {
        ERROR_CONTRACTS_CASEXCHANGE_BASE_URL: sim.url('casexchange'),
        ERROR_CONTRACTS_CASEXCHANGE_VALID: 'cx_not_a_key',
      },
    });
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toMatch(
      /valid credential was refused \(HTTP 401\); check ERROR_CONTRACTS_CASEXCHANGE_VALID/,
    );
    expect(run.stdout).not.toMatch(/fail|drift/i);
  });
});
