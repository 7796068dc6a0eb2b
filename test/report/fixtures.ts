/**
 * Run results for the reporter tests. Vendors come from the registry, so the fixtures follow
 * whatever vendors exist. Between them they hold every outcome, a failure with expected and actual,
 * retry timelines, not-applicable and skipped rows, empty cells, hostile markup in bodies, and
 * sentinel credentials in every place a credential can hide.
 */
import { getVendor, vendorIds } from '../../src/index.js';
import { runTotals } from '../../src/report/outcome-counts.js';
import type { CheckResult, Exchange, RunResult, TimelineEvent, VendorRun } from '../../src/report/result.js';

/** Credentials that must not appear in any report output. Each is unlike anything else in the fixture. */
export const SENTINELS = {
  bearer: 'SENTINELbearer7Qx2.eyJzdWIiOiJ0ZXN0In0',
  apiKey: 'SENTINEL-apikey-4mN8',
  cookie: 'SENTINEL-cookie-9kP1',
  setCookie: 'SENTINEL-setcookie-2bV6',
  proxy: 'SENTINEL-proxy-Zt55',
  clientSecret: 'SENTINEL-clientsecret-8Hq3',
  password: 'SENTINEL-password-1Lw7',
  token: 'SENTINEL-token-6Yd4',
  accessToken: 'SENTINEL-accesstoken-3Rf9',
  refreshToken: 'SENTINEL-refreshtoken-5Gc2',
  queryToken: 'SENTINEL-querytoken-0Pn3',
  urlPassword: 'SENTINEL-urlpassword-7Ee1',
  formSecret: 'SENTINEL-formsecret-4Aa8',
} as const;

export const HOSTILE_BODY =
  '{"error":{"code":"bad","message":"<script>alert(\'owned\')</script> & <img src=x onerror=1>"}}';

const [firstId = 'first', secondId = 'second', ...otherIds] = vendorIds;
const nameOf = (id: string) => getVendor(id as (typeof vendorIds)[number]).name;

export const firstVendorName = nameOf(firstId);
export const secondVendorName = nameOf(secondId);

function check(
  fields: Partial<CheckResult> & Pick<CheckResult, 'id' | 'path' | 'title' | 'outcome'>,
): CheckResult {
  return {
    failures: [],
    drift: [],
    exchanges: [],
    requests: fields.exchanges?.length ?? 0,
    simulatedWaitMs: 0,
    durationMs: 3,
    ...fields,
  } as CheckResult;
}

function exchange(
  atMs: number,
  request: Exchange['request'],
  status: number,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Exchange {
  return { atMs, request, response: { status, headers, body: { text: body, truncated: false } } };
}

/** 503, 503, 503, 200 with waits of 1, 2 and 4 s plus jitter, each inside its allowed window. */
function serverRetryTimeline(): { timeline: TimelineEvent[]; exchanges: Exchange[]; waitMs: number } {
  const waits = [1180, 2090, 4310];
  const timeline: TimelineEvent[] = [];
  const exchanges: Exchange[] = [];
  let at = 0;
  for (let attempt = 1; attempt <= 4; attempt++) {
    const status = attempt < 4 ? 503 : 200;
    timeline.push({ kind: 'request', atMs: at, attempt, label: 'GET /v1/claims/clm_1' });
    timeline.push({
      kind: 'response',
      atMs: at,
      attempt,
      status,
      ...(status === 503 ? { label: 'unavailable' } : {}),
    });
    exchanges.push(
      exchange(
        at,
        { method: 'GET', url: '/v1/claims/clm_1', headers: { accept: 'application/json' } },
        status,
        '{}',
      ),
    );
    const wait = waits[attempt - 1];
    if (wait !== undefined) {
      const base = 1000 * 2 ** (attempt - 1);
      timeline.push({
        kind: 'wait',
        atMs: at,
        durationMs: wait,
        label: `schedule step ${attempt} + jitter`,
        allowedMs: { min: base, max: base + 500 },
      });
      at += wait;
    }
  }
  return { timeline, exchanges, waitMs: waits.reduce((sum, wait) => sum + wait, 0) };
}

function firstVendor(): VendorRun {
  const retry = serverRetryTimeline();
  const name = nameOf(firstId);
  return {
    id: firstId,
    name,
    checks: [
      check({
        id: 'unauthenticated.missing_token',
        path: 'unauthenticated',
        title: 'Rejects a request without credentials',
        code: 'unauthorized',
        outcome: 'pass',
        exchanges: [
          exchange(
            0,
            {
              method: 'GET',
              url: '/v1/claims',
              headers: { Authorization: `Bearer ${SENTINELS.bearer}`, 'X-Api-Key': SENTINELS.apiKey },
            },
            401,
            `{"error":"unauthorized","echo":"${SENTINELS.bearer}"}`,
          ),
        ],
      }),
      check({
        id: 'validation.field_details',
        path: 'validation',
        title: 'Reports each invalid field with a pointer',
        code: 'validation_failed',
        outcome: 'fail',
        failures: [
          { message: 'status differs from the catalog', expected: 422, actual: 400 },
          {
            message: 'the body does not match the envelope schema',
            expected: 'an envelope with error.details[]',
            actual: { error: { code: 'bad' }, access_token: SENTINELS.accessToken },
          },
        ],
        exchanges: [
          exchange(
            5,
            {
              method: 'POST',
              url: '/v1/claims',
              headers: {
                'content-type': 'application/json',
                Cookie: `session=${SENTINELS.cookie}`,
                'Proxy-Authorization': `Basic ${SENTINELS.proxy}`,
              },
              body: {
                text: JSON.stringify({
                  client_secret: SENTINELS.clientSecret,
                  profile: { password: SENTINELS.password },
                }),
                truncated: false,
              },
            },
            400,
            HOSTILE_BODY,
            { 'content-type': 'application/json', 'Set-Cookie': `sid=${SENTINELS.setCookie}; HttpOnly` },
          ),
        ],
      }),
      check({
        id: 'conflict.duplicate',
        path: 'conflict',
        title: 'Rejects a duplicate with a conflict',
        code: 'conflict',
        outcome: 'drift',
        drift: [{ message: 'member not in the schema: hint', path: '/error/hint' }],
      }),
      check({
        id: 'idempotency_reuse.replay',
        path: 'idempotency_reuse',
        title: 'Replays the original result for a reused key',
        outcome: 'skipped',
        reason: `set ${firstId.toUpperCase()}_WRITE_KEY to enable`,
      }),
      check({
        id: 'rate_limit.none',
        path: 'rate_limit',
        title: 'Backs off after a rate limit',
        outcome: 'not_applicable',
        reason: `${name} documents no rate limit`,
      }),
      check({
        id: 'server_retry.schedule',
        path: 'server_retry',
        title: 'A client retries 5xx responses on the documented schedule',
        outcome: 'pass',
        timeline: retry.timeline,
        exchanges: retry.exchanges,
        requests: retry.exchanges.length,
        simulatedWaitMs: retry.waitMs,
      }),
    ],
  };
}

function secondVendor(): VendorRun {
  const name = nameOf(secondId);
  return {
    id: secondId,
    name,
    baseUrl: `https://reports:${SENTINELS.urlPassword}@sandbox.example.invalid/api`,
    checks: [
      check({
        id: 'unauthenticated.expired',
        path: 'unauthenticated',
        title: 'Rejects an expired token',
        outcome: 'fail',
        failures: [
          {
            message: `the response echoed the credential Bearer ${SENTINELS.bearer}`,
            expected: 'no credential in the body',
            actual: `token=${SENTINELS.token}`,
          },
        ],
        exchanges: [
          exchange(
            0,
            {
              method: 'POST',
              url: `/oauth/token?access_token=${SENTINELS.queryToken}&scope=read`,
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: {
                text: `grant_type=client_credentials&client_secret=${SENTINELS.formSecret}`,
                truncated: false,
              },
            },
            401,
            // Cut short mid-way, so the body no longer parses as JSON.
            `{"error":"invalid_grant","refresh_token":"${SENTINELS.refreshToken}","detail":"the tok`,
          ),
        ],
      }),
      check({
        id: 'second_factor.none',
        path: 'second_factor',
        title: 'Asks for a second factor',
        outcome: 'not_applicable',
        reason: `${name} documents no second factor`,
      }),
      check({
        id: 'rate_limit.retry_after',
        path: 'rate_limit',
        title: 'Waiting the advertised Retry-After makes the next request succeed',
        code: 'rate_limited',
        outcome: 'pass',
        requests: 2,
        simulatedWaitMs: 30_000,
        timeline: [
          { kind: 'request', atMs: 0, attempt: 1, label: 'GET /v1/cases' },
          { kind: 'response', atMs: 0, attempt: 1, status: 429, label: 'rate_limited' },
          {
            kind: 'wait',
            atMs: 0,
            durationMs: 30_000,
            label: 'Retry-After: 30',
            allowedMs: { min: 30_000, max: 31_000 },
          },
          { kind: 'request', atMs: 30_000, attempt: 2, label: 'GET /v1/cases' },
          { kind: 'response', atMs: 30_000, attempt: 2, status: 200 },
          { kind: 'note', atMs: 30_000, label: 'succeeded' },
        ],
      }),
      check({
        id: 'other.opaque',
        path: 'other',
        title: 'Keeps an opaque body intact',
        outcome: 'pass',
        reason: 'the body was not JSON, as documented',
      }),
    ],
  };
}

/** Vendors after the first two ran nothing but the first path, so most of their cells are empty. */
function quietVendor(id: string): VendorRun {
  return {
    id,
    name: nameOf(id),
    checks: [
      check({
        id: 'unauthenticated.missing',
        path: 'unauthenticated',
        title: 'Rejects no credentials',
        outcome: 'pass',
      }),
    ],
  };
}

/** A fresh result on every call, so a test may change it without affecting another. */
export function fixtureResult(): RunResult {
  const vendors = [firstVendor(), secondVendor(), ...otherIds.map(quietVendor)];
  const checks = vendors.flatMap((vendor) => vendor.checks);
  return {
    schemaVersion: 1,
    tool: { name: 'error-contracts', version: '0.1.0' },
    target: 'local',
    startedAt: '2026-11-22T04:00:00.000Z',
    finishedAt: '2026-11-22T04:00:04.210Z',
    wallTimeMs: 4210,
    simulatedWaitMs: checks.reduce((sum, c) => sum + c.simulatedWaitMs, 0),
    requests: checks.reduce((sum, c) => sum + c.requests, 0) + 1,
    vendors,
    totals: runTotals(vendors),
  };
}

/**
 * The shape of ClaimRev's credential-refresh sequence: a token request and a call at 0, a call an
 * hour later that is refused (401), then a new token and the repeated call in the same virtual
 * millisecond. Attempt numbers restart per endpoint, as the runner records them.
 */
export function refreshTimeline(): TimelineEvent[] {
  const hour = 3_600_000;
  return [
    { kind: 'request', atMs: 0, attempt: 1, label: 'POST /oauth2/token' },
    { kind: 'response', atMs: 0, attempt: 1, status: 200 },
    { kind: 'request', atMs: 0, attempt: 1, label: 'GET /claims/1' },
    { kind: 'response', atMs: 0, attempt: 1, status: 200 },
    { kind: 'wait', atMs: 0, durationMs: hour, label: 'the token lifetime' },
    { kind: 'request', atMs: hour, attempt: 2, label: 'GET /claims/1' },
    { kind: 'response', atMs: hour, attempt: 2, status: 401, label: 'invalid_token' },
    { kind: 'request', atMs: hour, attempt: 2, label: 'POST /oauth2/token' },
    { kind: 'response', atMs: hour, attempt: 2, status: 200 },
    { kind: 'request', atMs: hour, attempt: 3, label: 'GET /claims/1' },
    { kind: 'response', atMs: hour, attempt: 3, status: 200 },
    { kind: 'note', atMs: hour, label: 'refreshed once, as documented' },
  ];
}

/** The fixture with a refresh sequence added to the first vendor and a drift note on a failed check. */
export function fixtureWithRefresh(): RunResult {
  const result = fixtureResult();
  const [first] = result.vendors;
  if (!first) throw new Error('the fixture has no vendor');
  first.checks.push(
    check({
      id: 'unauthenticated.refresh',
      path: 'unauthenticated',
      title: 'After a 401 for an expired token, one refresh makes the call succeed',
      outcome: 'pass',
      timeline: refreshTimeline(),
    }),
  );
  const failed = first.checks.find((candidate) => candidate.outcome === 'fail');
  failed?.drift.push({ message: 'member not in the schema: trace', path: '/trace' });
  result.totals = runTotals(result.vendors);
  return result;
}

/**
 * The fixture as a run narrowed with `--only` to its first vendor's first check would be: that
 * check alone, under every vendor that has it, and the selection recorded in `only`.
 */
export function narrowedFixture(): RunResult {
  const full = fixtureResult();
  const chosen = full.vendors[0]?.checks[0]?.id;
  if (!chosen) throw new Error('the fixture has no check');
  const vendors = full.vendors
    .map((vendor) => ({ ...vendor, checks: vendor.checks.filter((entry) => entry.id === chosen) }))
    .filter((vendor) => vendor.checks.length > 0);
  const checks = vendors.flatMap((vendor) => vendor.checks);
  return {
    ...full,
    only: [chosen],
    simulatedWaitMs: checks.reduce((sum, c) => sum + c.simulatedWaitMs, 0),
    requests: checks.reduce((sum, c) => sum + c.requests, 0),
    vendors,
    totals: runTotals(vendors),
  };
}
