import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistFor } from '../../src/conformance/checklist.js';
import { runCheck } from '../../src/conformance/execute.js';
import type { PlannedCheck, ScenarioCheck } from '../../src/conformance/types.js';
import { CASSETTE_FORMAT, CASSETTE_VERSION, type Cassette } from '../../src/runner/cassettes/cassette.js';
import { openReplayTarget } from '../../src/runner/cassettes/replay.js';
import type { ResolvedVendorConfig } from '../../src/runner/config/sandbox-config.js';
import { describeChecks } from '../../src/runner/describe-checks.js';
import { applyOverride } from '../../src/runner/targets/check-requirements.js';
import { createHttpTarget } from '../../src/runner/targets/http-target.js';
import { FAULT_HEADER } from '../../src/scenarios/fault-header.js';
import { getVendor, type VendorId, vendorIds } from '../../src/vendors/registry.js';

const vendorId: VendorId = vendorIds[0] ?? 'claimrev';
const firstScenario = (): ScenarioCheck => {
  const found = checklistFor(vendorId).find(
    (check): check is ScenarioCheck =>
      check.kind === 'scenario' && check.scenario.how === 'natural' && !check.scenario.setup,
  );
  if (!found) throw new Error(`${vendorId} has no natural scenario check`);
  return found;
};

/** The first check, of any vendor, whose scenario only the simulator's fault injection provokes. */
function firstFaultCheck(): { vendorId: VendorId; check: ScenarioCheck } {
  for (const candidate of vendorIds) {
    const check = checklistFor(candidate).find(
      (planned): planned is ScenarioCheck => planned.kind === 'scenario' && planned.scenario.how === 'fault',
    );
    if (check) return { vendorId: candidate, check };
  }
  throw new Error('no vendor has a fault scenario');
}

function sandbox(
  checks: ResolvedVendorConfig['checks'],
  withRoles = true,
  on: { vendorId: VendorId; facts: Record<string, string> } = { vendorId, facts: {} },
) {
  const header = { kind: 'header', header: 'Authorization', value: 'Bearer t0ken-for-tests' } as const;
  const roles = withRoles
    ? { valid: header, readOnly: header, otherOrganisation: header, expired: header, revoked: header }
    : {};
  return createHttpTarget({
    vendors: new Map([
      [
        on.vendorId,
        {
          vendorId: on.vendorId,
          baseUrl: 'http://127.0.0.1:9',
          declaredSandbox: true,
          credentials: { vendorId: on.vendorId, roles, facts: on.facts },
          checks,
        },
      ],
    ]),
  });
}

describe('a sandbox target prepares each check from its configuration', () => {
  it('skips a check the configuration skips, giving its reason', () => {
    const check = firstScenario();
    const prepared = sandbox({ [check.id]: { skip: 'our sandbox has no such record' } }).prepare?.(
      vendorId,
      check,
    );
    expect(prepared).toMatchObject({
      kind: 'skipped',
      id: check.id,
      reason: expect.stringContaining('our sandbox has no such record'),
    });
  });

  it('sends the configured request in place of the simulator’s, keeping everything else', () => {
    const check = firstScenario();
    const prepared = sandbox({ [check.id]: { request: { path: '/sandbox/only/path' } } }).prepare?.(
      vendorId,
      check,
    ) as PlannedCheck;
    expect(prepared.kind).toBe('scenario');
    const scenario = (prepared as ScenarioCheck).scenario;
    expect(scenario.request.path).toBe('/sandbox/only/path');
    expect(scenario.request.method).toBe(check.scenario.request.method);
    expect(check.scenario.request.path).not.toBe('/sandbox/only/path');
  });

  it('skips a check whose credential role is not configured, naming the variable to set', () => {
    const check = firstScenario();
    const prepared = sandbox({}, false).prepare?.(vendorId, check);
    expect(prepared).toMatchObject({
      kind: 'skipped',
      reason: expect.stringMatching(/ERROR_CONTRACTS_[A-Z]+_/),
    });
  });

  it.each([
    ['no override', undefined],
    ['an override of the role alone', { role: 'readOnly' as const }],
    ['an override of the body alone', { json: { amount: 1 } }],
  ])(
    'skips a check that needs the simulator’s fault injection (%s), naming the override that would run it',
    (_what, request) => {
      const { vendorId: faultedVendor, check } = firstFaultCheck();
      const checks = request ? { [check.id]: { request } } : {};
      expect(
        sandbox(checks, true, { vendorId: faultedVendor, facts: {} }).prepare?.(faultedVendor, check),
      ).toMatchObject({
        kind: 'skipped',
        reason: expect.stringContaining(`vendors.${faultedVendor}.checks.${check.id}.request`),
      });
    },
  );

  it('runs a fault check once an override says how the sandbox fails that way, without the fault header', () => {
    const { vendorId: faultedVendor, check } = firstFaultCheck();
    expect(Object.keys(check.scenario.request.headers ?? {}).map((name) => name.toLowerCase())).toContain(
      FAULT_HEADER,
    );
    const prepared = sandbox({ [check.id]: { request: { path: '/records/always-failing' } } }, true, {
      vendorId: faultedVendor,
      facts: {},
    }).prepare?.(faultedVendor, check) as PlannedCheck;
    expect(prepared.kind).toBe('scenario');
    const scenario = (prepared as ScenarioCheck).scenario;
    expect(scenario.how).toBe('natural');
    expect(scenario.request.path).toBe('/records/always-failing');
    expect(Object.keys(scenario.request.headers ?? {}).map((name) => name.toLowerCase())).not.toContain(
      FAULT_HEADER,
    );
  });
});

describe('the checks listing of a fault check', () => {
  it('says it can run on a sandbox only once an override names a record that fails for real', () => {
    const { vendorId: faultedVendor, check } = firstFaultCheck();
    const header = { kind: 'header', header: 'Authorization', value: 'Bearer t0ken-for-tests' } as const;
    const config = (checks: ResolvedVendorConfig['checks']): ResolvedVendorConfig => ({
      vendorId: faultedVendor,
      baseUrl: 'http://127.0.0.1:9',
      declaredSandbox: true,
      credentials: { vendorId: faultedVendor, roles: { valid: header }, facts: {} },
      checks,
    });
    const listed = (checks: ResolvedVendorConfig['checks']) =>
      describeChecks(config(checks), { simulated: false, only: [check.id] })[0];
    expect(listed({})?.sandbox).toBe(false);
    expect(listed({ [check.id]: { request: { path: '/records/always-failing' } } })?.sandbox).toBe(true);
    expect(listed({ [check.id]: { request: { role: 'readOnly' } } })?.sandbox).toBe(false);
  });
});

describe('an override’s headers', () => {
  it('join the checked request’s own headers, the override winning per name in any case', () => {
    const planned = checklistFor(vendorId).find(
      (candidate): candidate is ScenarioCheck => candidate.kind === 'scenario',
    );
    if (!planned) throw new Error(`${vendorId} has no scenario check`);
    const found: ScenarioCheck = {
      ...planned,
      scenario: {
        ...planned.scenario,
        request: {
          ...planned.scenario.request,
          headers: { 'Idempotency-Key': 'k-1', Accept: 'application/json' },
        },
      },
    };
    const [replaced, kept] = ['Accept', 'Idempotency-Key'];
    const overridden = applyOverride(found, {
      headers: { [replaced.toUpperCase()]: 'from-the-override', 'X-Added': 'yes' },
    }) as ScenarioCheck;
    const headers = overridden.scenario.request.headers ?? {};
    expect(headers[kept]).toBe(found.scenario.request.headers?.[kept]);
    expect(headers[replaced.toUpperCase()]).toBe('from-the-override');
    expect(headers['X-Added']).toBe('yes');
    expect(Object.keys(headers).filter((name) => name.toLowerCase() === replaced.toLowerCase())).toHaveLength(
      1,
    );
  });
});

describe('a replay of a recording that lacks an exchange', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'replay-gap-'));
    const cassette: Cassette = {
      format: CASSETTE_FORMAT,
      version: CASSETTE_VERSION,
      vendorId,
      recordedAt: new Date(0).toISOString(),
      baseUrl: 'http://127.0.0.1:9',
      roles: ['valid', 'readOnly', 'otherOrganisation', 'expired', 'revoked'],
      facts: [],
      limits: { maxBurst: 50, maxWaitMs: 65_000 },
      checks: {},
    };
    await writeFile(join(dir, `${vendorId}.cassette.json`), JSON.stringify(cassette));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fails the check saying the recording has no answer, without touching the network', async () => {
    const open = await openReplayTarget([vendorId], dir);
    const check = firstScenario();
    const result = await runCheck(vendorId, open.target, check, {
      now: () => open.target.now(),
      sleep: open.target.wait,
    });
    expect(result.outcome).toBe('fail');
    expect(result.failures[0]?.message).toMatch(/the recording of .* has no answer for/);
  });
});

/** The vendors with a payload-too-large check, and the check itself. */
const payloadChecks = vendorIds.flatMap((vendorId) =>
  checklistFor(vendorId)
    .filter((check) => check.kind === 'scenario' && check.scenario.request.streamedBytes !== undefined)
    .map((check) => ({ vendorId, check, limit: getVendor(vendorId).policy.payloadLimit })),
);

const streamedBytes = (check: PlannedCheck | undefined) =>
  check && 'scenario' in check ? check.scenario.request.streamedBytes : undefined;

describe('the payload-too-large check on a sandbox', () => {
  it('exists for a vendor with an inferred limit and one with a documented limit', () => {
    expect(payloadChecks.map((entry) => entry.limit?.source).sort()).toEqual(['documented', 'inferred']);
  });

  it.each(payloadChecks.filter((entry) => entry.limit?.source === 'inferred'))(
    '$vendorId: an invented limit is skipped, naming the fact that enables it',
    ({ vendorId, check }) => {
      const prepared = sandbox({}, true, { vendorId, facts: {} }).prepare?.(vendorId, check);
      expect(prepared).toMatchObject({
        kind: 'skipped',
        reason: expect.stringContaining(`vendors.${vendorId}.facts.maxBodyBytes`),
      });
    },
  );

  it.each(payloadChecks)(
    '$vendorId: a configured limit sizes the request one byte past it',
    ({ vendorId, check }) => {
      const prepared = sandbox({}, true, {
        vendorId,
        facts: { maxBodyBytes: '2048', pendingFileId: 'file_1' },
      }).prepare?.(vendorId, check);
      expect(prepared?.kind).toBe('scenario');
      expect(streamedBytes(prepared)).toBe(2049);
    },
  );

  it.each(payloadChecks.filter((entry) => entry.limit?.source === 'documented'))(
    '$vendorId: a documented limit is used when none is configured',
    ({ vendorId, check, limit }) => {
      const prepared = sandbox({}, true, { vendorId, facts: {} }).prepare?.(vendorId, check);
      expect(streamedBytes(prepared)).toBe((limit?.bytes ?? 0) + 1);
    },
  );

  it.each(payloadChecks)(
    '$vendorId: a limit that is not a number is named in the skip reason',
    ({ vendorId, check }) => {
      const prepared = sandbox({}, true, { vendorId, facts: { maxBodyBytes: 'ten megabytes' } }).prepare?.(
        vendorId,
        check,
      );
      expect(prepared).toMatchObject({ kind: 'skipped', reason: expect.stringContaining('maxBodyBytes') });
    },
  );
});
