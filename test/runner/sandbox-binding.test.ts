import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistFor } from '../../src/conformance/checklist.js';
import { runCheck } from '../../src/conformance/execute.js';
import { credentialVariable, factVariable } from '../../src/runner/config/env-names.js';
import {
  assertKnownCheckIds,
  parseRunConfig,
  type RunConfigFile,
  resolveSandboxConfig,
} from '../../src/runner/config/sandbox-config.js';
import { describeChecks } from '../../src/runner/describe-checks.js';
import { PreflightError, preflight } from '../../src/runner/preflight.js';
import { openTarget } from '../../src/runner/targets/open-target.js';
import type { HttpSend } from '../../src/scenarios/runner.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { realClock } from '../../src/time/clock.js';
import { closedPort } from '../helpers/closed-port.js';

/**
 * The sandbox target pointed at the simulator through configuration alone: what the facts,
 * operations and fixtures hook change, what a misconfiguration looks like.
 */
let sim: RunningSimulator;
let dir: string;
const VALID_KEY = 'Bearer col_test_full_R7v2';

beforeAll(async () => {
  sim = await startSimulator({ vendors: ['collate', 'claimrev'] });
  dir = await mkdtemp(join(tmpdir(), 'sandbox-binding-'));
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

const collateConfig = (more: Record<string, unknown> = {}): RunConfigFile => ({
  vendors: { collate: { baseUrl: sim.url('collate'), ...more } },
});
const resolved = (file: RunConfigFile, env: Record<string, string>) => {
  const vendor = resolveSandboxConfig(file, env).get('collate');
  if (!vendor) throw new Error('collate is not configured');
  return vendor;
};
const planned = (id: string) => {
  const check = checklistFor('collate').find((candidate) => candidate.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return check;
};

async function runCollateCheck(id: string, file: RunConfigFile, env: Record<string, string>) {
  const open = await openTarget({ target: 'sandbox', vendors: ['collate'], config: file, env });
  try {
    return await runCheck('collate', open.target, planned(id), realClock);
  } finally {
    await open.close();
  }
}

describe('a sandbox configured only through facts, operations and credentials', () => {
  const env = { [credentialVariable('collate', 'valid')]: VALID_KEY };

  it('sends the record an ERROR_CONTRACTS_<VENDOR>_FACT_* variable names', () => {
    const [check] = describeChecks(
      resolved(collateConfig(), {
        ...env,
        [factVariable('collate', 'otherOrganisationAuthorizationId')]: 'PA-FROM-ENV',
      }),
      { simulated: false, only: ['code.prior_authorization_not_found.forbidden_ownership'] },
    );
    expect(check?.url).toBe(`${sim.url('collate')}/v1/prior-authorizations/PA-FROM-ENV`);
  });

  it('sends a moved operation, and the operations built on it, to the configured path', () => {
    const checks = describeChecks(
      resolved(collateConfig({ operations: { authorizations: '/api/pa' } }), {
        ...env,
        [factVariable('collate', 'waitingAuthorizationId')]: 'PA-7',
        [factVariable('collate', 'reviewSnapshotId')]: 'RS-7',
      }),
      { simulated: false, only: ['code.prior_authorization_not_actionable'] },
    );
    expect(checks[0]?.url).toBe(`${sim.url('collate')}/api/pa/PA-7/confirm`);
  });

  it('lists a check with its secret facts blanked from the URL and the body', () => {
    const SENTINEL = 'pw-SENTINEL-4417';
    const [check] = describeChecks(
      resolved(
        collateConfig({
          facts: { otherOrganisationAuthorizationId: 'PA-1', signInPassword: SENTINEL },
          checks: {
            'code.prior_authorization_not_found.forbidden_ownership': {
              request: {
                path: '/v1/prior-authorizations/{{facts.signInPassword}}',
                json: { note: 'pass {{facts.signInPassword}}' },
              },
            },
          },
        }),
        env,
      ),
      { simulated: false, only: ['code.prior_authorization_not_found.forbidden_ownership'] },
    );
    expect(check?.url).toContain('/v1/prior-authorizations/');
    expect(check?.body).toContain('note');
    expect(JSON.stringify(check)).not.toContain(SENTINEL);
  });

  it('skips a check whose record is not named, saying which fact and variable to set', async () => {
    const result = await runCollateCheck('code.prior_authorization_not_actionable', collateConfig(), env);
    expect(result.outcome).toBe('skipped');
    expect(result.reason).toContain('facts.waitingAuthorizationId');
    expect(result.reason).toContain(factVariable('collate', 'waitingAuthorizationId'));
    expect(result.requests).toBe(0);
  });

  it('reports a 2xx to a provoking request as one failure naming the entries to fix, with no drift', async () => {
    // An authorization of the caller's own organisation: the read succeeds instead of failing.
    const result = await runCollateCheck(
      'code.prior_authorization_not_found.forbidden_ownership',
      collateConfig({ facts: { otherOrganisationAuthorizationId: 'pa_processing' } }),
      env,
    );
    expect(result.outcome).toBe('fail');
    expect(result.drift).toEqual([]);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.message).toMatch(/did not provoke the error: it was answered 200/);
    for (const entry of [
      'operations.authorization',
      'operations.authorizations',
      'facts.otherOrganisationAuthorizationId',
      'checks.code.prior_authorization_not_found.forbidden_ownership.request',
    ]) {
      expect(result.failures[0]?.message).toContain(entry);
    }
  });

  it('passes a check whose record a fixtures hook created and returned as a fact', async () => {
    const hook = join(dir, 'fixtures.mjs');
    await writeFile(
      hook,
      `export default async ({ send }) => {
        const created = await send({ method: 'POST', path: '/v1/files', json: { purpose: 'authorization_attachment' } });
        return { pendingFileId: JSON.parse(created.body).id };
      };\n`,
    );
    const result = await runCollateCheck(
      'code.file_not_ready',
      collateConfig({ fixtures: hook, facts: { needsAnswersAuthorizationId: 'pa_needs_answers' } }),
      env,
    );
    expect(result.failures).toEqual([]);
    expect(result.outcome).toBe('pass');
    expect(result.exchanges[0]?.request.body?.text).toMatch(/"fileId":"file_[0-9a-f]{16}"/);
  });

  it('names the member when a fixtures module has no default function', async () => {
    const hook = join(dir, 'not-a-hook.mjs');
    await writeFile(hook, 'export const facts = {};\n');
    await expect(
      openTarget({ target: 'sandbox', vendors: ['collate'], config: collateConfig({ fixtures: hook }), env }),
    ).rejects.toThrow(/vendors\.collate\.fixtures .* must export a function/);
  });
});

describe('config validation suggests the name that was meant', () => {
  it.each([
    ['a fact', { facts: { pendingFileID: 'f' } }, 'vendors.collate.facts.pendingFileID', 'pendingFileId'],
    [
      'an operation',
      { operations: { authorisation: '/a' } },
      'vendors.collate.operations.authorisation',
      'authorization',
    ],
    [
      'a credential role',
      { credentials: { readonly: { value: 'k' } } },
      'vendors.collate.credentials.readonly',
      'readOnly',
    ],
  ])('for %s', (_what, member, path, meant) => {
    expect(() => parseRunConfig({ vendors: { collate: member } }, 'config.json')).toThrow(
      new RegExp(`${path.replace(/\./g, '\\.')} .*Did you mean "${meant}"`),
    );
  });

  it('for a check id', () => {
    expect(() =>
      assertKnownCheckIds({ vendors: { collate: { checks: { 'code.version_conflit': { skip: 'x' } } } } }),
    ).toThrow(/vendors\.collate\.checks\.code\.version_conflit .*Did you mean "code\.version_conflict"/);
  });
});

describe('preflight', () => {
  const collate = (baseUrl: string, key: string, more: Record<string, unknown> = {}) =>
    resolved(
      {
        vendors: {
          collate: { baseUrl, facts: { needsAnswersAuthorizationId: 'pa_needs_answers' }, ...more },
        },
      },
      { [credentialVariable('collate', 'valid')]: key },
    );

  it('lets a vendor that answers and accepts the valid credential through', async () => {
    await expect(preflight(collate(sim.url('collate'), VALID_KEY))).resolves.toBeUndefined();
  });

  it('stops at a base URL that does not answer, saying so', async () => {
    const port = await closedPort();
    const error = await preflight(collate(`http://127.0.0.1:${port}`, VALID_KEY)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as PreflightError).reason).toBe('unreachable');
    expect((error as Error).message).toContain('ERROR_CONTRACTS_COLLATE_BASE_URL');
  });

  /** ClaimRev on the simulator with its valid OAuth client, or with another client secret. */
  const claimrev = (clientSecret?: string) => {
    const valid = sim.credentials('claimrev').roles.valid;
    if (valid?.kind !== 'oauthClient') throw new Error('claimrev valid is an OAuth client');
    const vendor = resolveSandboxConfig(
      { vendors: { claimrev: { baseUrl: sim.url('claimrev') } } },
      {
        [credentialVariable('claimrev', 'valid', 'clientId')]: valid.clientId,
        [credentialVariable('claimrev', 'valid', 'clientSecret')]: clientSecret ?? valid.clientSecret,
        [credentialVariable('claimrev', 'valid', 'tokenUrl')]: valid.tokenUrl,
      },
    ).get('claimrev');
    if (!vendor) throw new Error('claimrev is not configured');
    return vendor;
  };

  const answering =
    (status: number, body = '<html>Not Found</html>'): HttpSend =>
    async () => ({ status, headers: {}, body });

  it.each([
    [200, undefined, undefined],
    [401, 'credential_rejected', 'ERROR_CONTRACTS_COLLATE_VALID'],
    [403, 'credential_rejected', 'ERROR_CONTRACTS_COLLATE_VALID'],
    [404, 'not_found', 'operations.authorization (ERROR_CONTRACTS_COLLATE_OPERATION_AUTHORIZATION)'],
    [404, 'not_found', 'facts.needsAnswersAuthorizationId'],
    [405, 'not_found', 'baseUrl (ERROR_CONTRACTS_COLLATE_BASE_URL)'],
    [503, 'unhealthy', 'retry later'],
  ] as const)('judges a safe read answered HTTP %i as %s', async (status, reason, named) => {
    const outcome = await preflight(collate(sim.url('collate'), VALID_KEY), answering(status)).catch(
      (e: unknown) => e,
    );
    if (reason === undefined) return expect(outcome).toBeUndefined();
    expect(outcome).toBeInstanceOf(PreflightError);
    expect((outcome as PreflightError).reason).toBe(reason);
    expect((outcome as Error).message).toContain(named);
  });

  it('sends the read the config names under preflight, with its facts filled in', async () => {
    const sent: string[] = [];
    const recording: HttpSend = async (url, method) => {
      sent.push(`${method} ${url}`);
      return { status: 200, headers: {}, body: '{}' };
    };
    const vendor = collate(sim.url('collate'), VALID_KEY, {
      preflight: { operation: 'file', params: { id: '{{facts.exportFileId}}' } },
      facts: { exportFileId: 'file_export' },
    });
    await preflight(vendor, recording);
    expect(sent).toEqual([`GET ${sim.url('collate')}/v1/files/file_export`]);
    // And against the simulator itself, that documented single-record read is accepted.
    await expect(preflight(vendor)).resolves.toBeUndefined();
  });

  it('refuses a preflight that names an operation the vendor does not have', () => {
    expect(() =>
      parseRunConfig({ vendors: { collate: { preflight: { operation: 'listAuthorizations' } } } }, 'file'),
    ).toThrow(/vendors\.collate\.preflight\.operation is not one of this vendor's operations/);
  });

  it.each([
    [400, 'credential_rejected', 'ERROR_CONTRACTS_CLAIMREV_VALID_CLIENT_SECRET'],
    [401, 'credential_rejected', 'ERROR_CONTRACTS_CLAIMREV_VALID_CLIENT_SECRET'],
    [404, 'not_found', 'ERROR_CONTRACTS_CLAIMREV_VALID_TOKEN_URL'],
    [502, 'unhealthy', 'retry later'],
  ] as const)('judges a token request answered HTTP %i as %s', async (status, reason, named) => {
    const error = await preflight(claimrev(), answering(status)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as PreflightError).reason).toBe(reason);
    expect((error as Error).message).toContain(named);
  });

  it.each([
    [
      'an API key',
      'collate',
      () => collate(sim.url('collate'), 'Bearer not-a-key'),
      'ERROR_CONTRACTS_COLLATE_VALID',
    ],
    [
      'OAuth client credentials',
      'claimrev',
      () => claimrev('not-the-secret'),
      'ERROR_CONTRACTS_CLAIMREV_VALID_CLIENT_SECRET',
    ],
  ])(
    'stops at a refused valid credential (%s), naming the variable',
    async (_what, _id, config, variable) => {
      const error = await preflight(config()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PreflightError);
      expect((error as PreflightError).reason).toBe('credential_rejected');
      expect((error as Error).message).toContain(variable);
    },
  );
});
