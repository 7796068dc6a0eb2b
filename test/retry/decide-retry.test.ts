import { describe, expect, it } from 'vitest';
import { decideRetry, getVendor, normalizeError, type VendorId, vendorIds } from '../../src/index.js';
import { documentedRetryOf, vendorsWithDocumentedRetry } from '../helpers/documented-retry.js';
import { envelopeWithCode, fixedNow } from '../helpers/vendor-bodies.js';

/** Random draws and the whole milliseconds of jitter each must give on a 0-500 ms range. */
const DRAWS = [
  { random: 0, jitter: 0 },
  { random: 0.5, jitter: 250 },
  { random: 0.999999, jitter: 500 },
];

const serverError = (vendorId: VendorId) => normalizeError(vendorId, { status: 503 }, { now: fixedNow });

const scheduleCases = vendorsWithDocumentedRetry.flatMap((vendorId) =>
  documentedRetryOf(vendorId).waits.flatMap((wait, index) =>
    DRAWS.map(({ random, jitter }) => ({
      vendorId,
      attempt: index + 1,
      random,
      expected: Math.min(
        wait +
          (documentedRetryOf(vendorId).jitter[index]
            ? Math.min(jitter, documentedRetryOf(vendorId).jitterMax)
            : 0),
        documentedRetryOf(vendorId).capMs ?? Number.POSITIVE_INFINITY,
      ),
    })),
  ),
);

describe('decideRetry schedule', () => {
  it.each(scheduleCases)(
    '$vendorId: after failed call $attempt with random $random, waits $expected ms',
    ({ vendorId, attempt, random, expected }) => {
      const decision = decideRetry(vendorId, serverError(vendorId), {
        attempt,
        method: 'GET',
        random: () => random,
      });
      expect(decision).toMatchObject({ retry: true, delayMs: expected, action: 'back_off_and_retry' });
    },
  );

  it.each(vendorsWithDocumentedRetry)(
    '%s: stops after the documented number of calls and escalates',
    (vendorId) => {
      const calls = documentedRetryOf(vendorId).calls;
      const decision = decideRetry(vendorId, serverError(vendorId), {
        attempt: calls,
        method: 'GET',
        random: () => 0,
      });
      expect(decision).toMatchObject({ retry: false, delayMs: 0, action: 'escalate_to_support' });
      expect(decideRetry(vendorId, serverError(vendorId), { attempt: calls - 1, method: 'GET' }).retry).toBe(
        true,
      );
    },
  );

  it.each(vendorsWithDocumentedRetry)(
    '%s: a smaller maxAttempts stops earlier, a larger one never extends the policy',
    (vendorId) => {
      const normalized = serverError(vendorId);
      expect(decideRetry(vendorId, normalized, { attempt: 1, method: 'GET', maxAttempts: 1 }).retry).toBe(
        false,
      );
      const calls = documentedRetryOf(vendorId).calls;
      expect(
        decideRetry(vendorId, normalized, { attempt: calls, method: 'GET', maxAttempts: 99 }).retry,
      ).toBe(false);
    },
  );
});

describe('decideRetry statuses', () => {
  const nonRetryable = vendorIds.flatMap((vendorId) =>
    getVendor(vendorId)
      .policy.statuses.filter((rule) => !rule.retryable)
      .map((rule) => ({ vendorId, status: rule.status, action: rule.action })),
  );

  it.each(nonRetryable)(
    '$vendorId: $status is not repeated; the remedy is $action',
    ({ vendorId, status, action }) => {
      const decision = decideRetry(vendorId, normalizeError(vendorId, { status }), {
        attempt: 1,
        method: 'GET',
      });
      expect(decision).toMatchObject({ retry: false, action });
    },
  );

  it('ClaimRev: 400, 401, 403 and 404 are never repeated; 401 asks for fresh credentials', () => {
    const actions = [400, 401, 403, 404].map(
      (status) =>
        decideRetry('claimrev', normalizeError('claimrev', { status }), { attempt: 1, method: 'GET' }).action,
    );
    expect(actions).toEqual(['fix_request', 'refresh_credentials', 'escalate_to_support', 'fix_request']);
  });

  const refreshCases = vendorIds.map((vendorId) => {
    const { authentication, statuses } = getVendor(vendorId).policy;
    const action = statuses.find((rule) => rule.status === 401)?.action;
    return { vendorId, allowed: (authentication.refreshOn401 ?? 0) > 0 && action === 'refresh_credentials' };
  });

  it.each(refreshCases)(
    '$vendorId: a 401 is repeated at once after fresh credentials only if allowed ($allowed)',
    ({ vendorId, allowed }) => {
      const normalized = normalizeError(vendorId, { status: 401 });
      expect(decideRetry(vendorId, normalized, { attempt: 1, method: 'POST' }).retry).toBe(false);
      const afterRefresh = decideRetry(vendorId, normalized, {
        attempt: 1,
        method: 'POST',
        credentialsRefreshed: true,
      });
      expect(afterRefresh).toMatchObject(allowed ? { retry: true, delayMs: 0 } : { retry: false });
    },
  );

  it('Denialbase: 402 asks for the second factor', () => {
    const normalized = normalizeError('denialbase', {
      status: 402,
      body: envelopeWithCode('denialbase', 'two_factor_required'),
    });
    expect(decideRetry('denialbase', normalized, { attempt: 1, method: 'GET' })).toMatchObject({
      retry: false,
      action: 'complete_second_factor',
    });
  });

  it('Collate: version_conflict is re-read, workflow_backend_unavailable is retried later', () => {
    const conflict = normalizeError('collate', {
      status: 409,
      body: envelopeWithCode('collate', 'version_conflict', false),
    });
    expect(decideRetry('collate', conflict, { attempt: 1, method: 'PATCH' })).toMatchObject({
      retry: false,
      action: 'reread_and_reconcile',
    });
    const unavailable = normalizeError('collate', {
      status: 503,
      body: envelopeWithCode('collate', 'workflow_backend_unavailable', true),
    });
    expect(decideRetry('collate', unavailable, { attempt: 1, method: 'GET', random: () => 0 })).toMatchObject(
      {
        retry: true,
        delayMs: 1000,
      },
    );
  });

  it.each([
    ['idempotency_key_in_use', { retry: true, delayMs: 1000, action: 'retry_same_idempotency_key' }],
    ['idempotency_key_mismatched_body', { retry: false, action: 'fresh_idempotency_key' }],
  ] as const)('Foresight: a POST refused with %s gives %o', (code, expected) => {
    const normalized = normalizeError('foresight', {
      status: 409,
      body: envelopeWithCode('foresight', code),
    });
    const decision = decideRetry('foresight', normalized, {
      attempt: 1,
      method: 'POST',
      idempotencyKey: 'k1',
    });
    expect(decision).toMatchObject(expected);
  });
});

describe('decideRetry methods', () => {
  const writeCases = vendorIds.map((vendorId) => {
    const { retry, idempotency } = getVendor(vendorId).policy;
    return {
      vendorId,
      keyed:
        retry.unsafeMethods === 'with_idempotency_key' &&
        idempotency.supported &&
        (idempotency.methods ?? []).includes('POST'),
    };
  });

  it.each(writeCases)(
    '$vendorId: a POST after a 503 is repeated only with a key the vendor honours ($keyed)',
    ({ vendorId, keyed }) => {
      const normalized = serverError(vendorId);
      const withoutKey = decideRetry(vendorId, normalized, { attempt: 1, method: 'POST' });
      expect(withoutKey).toMatchObject({ retry: false, action: 'reread_and_reconcile' });
      const withKey = decideRetry(vendorId, normalized, {
        attempt: 1,
        method: 'post',
        idempotencyKey: 'k-1',
      });
      expect(withKey.retry).toBe(keyed);
    },
  );

  const rateLimitedWrites = vendorIds
    .filter((vendorId) => getVendor(vendorId).policy.rateLimit.documented)
    .map((vendorId) => ({
      vendorId,
      allowed: getVendor(vendorId).policy.retry.rateLimitedWritesRetry === true,
    }));

  it.each(rateLimitedWrites)(
    '$vendorId: a refused rate-limited POST may be repeated without a key: $allowed',
    ({ vendorId, allowed }) => {
      const normalized = normalizeError(vendorId, { status: 429, headers: { 'Retry-After': '1' } });
      expect(decideRetry(vendorId, normalized, { attempt: 1, method: 'POST' }).retry).toBe(allowed);
    },
  );
});

describe('decideRetry and server-requested waits', () => {
  it('Foresight: the first retry waits Retry-After, or 1 s without it', () => {
    const withHeader = normalizeError('foresight', { status: 429, headers: { 'Retry-After': '3' } });
    expect(
      decideRetry('foresight', withHeader, { attempt: 1, method: 'GET', random: () => 0.5 }).delayMs,
    ).toBe(3000);
    const without = normalizeError('foresight', { status: 429 });
    expect(decideRetry('foresight', without, { attempt: 1, method: 'GET', random: () => 0.5 }).delayMs).toBe(
      1000,
    );
  });

  it('Foresight: later retries never wait less than Retry-After (floor), nor less than the schedule', () => {
    // After the second call the documented step is 2 s, longer than the 1 s the server asked for.
    const short = normalizeError('foresight', { status: 503, headers: { 'Retry-After': '1' } });
    expect(decideRetry('foresight', short, { attempt: 2, method: 'GET', random: () => 0 }).delayMs).toBe(
      2000,
    );
    const long = normalizeError('foresight', { status: 503, headers: { 'Retry-After': '9' } });
    expect(decideRetry('foresight', long, { attempt: 2, method: 'GET', random: () => 0 }).delayMs).toBe(9000);
  });

  it('CaseXchange: a 429 waits until X-RateLimit-Reset', () => {
    const resetAt = String(fixedNow() / 1000 + 25);
    const normalized = normalizeError(
      'casexchange',
      { status: 429, headers: { 'X-RateLimit-Reset': resetAt } },
      { now: fixedNow },
    );
    expect(
      decideRetry('casexchange', normalized, { attempt: 1, method: 'GET', random: () => 0 }),
    ).toMatchObject({
      retry: true,
      delayMs: 25_000,
      action: 'wait_for_retry_after',
    });
  });

  it('Denialbase: a 429 honours Retry-After given as an HTTP-date', () => {
    const headers = { 'Retry-After': 'Tue, 31 Mar 2026 12:00:42 GMT' };
    const normalized = normalizeError('denialbase', { status: 429, headers }, { now: fixedNow });
    expect(decideRetry('denialbase', normalized, { attempt: 1, method: 'GET' }).delayMs).toBe(42_000);
  });

  it.each(vendorIds)('%s: a Retry-After beyond the ceiling escalates instead of sleeping', (vendorId) => {
    const normalized = normalizeError(vendorId, { status: 503, headers: { 'Retry-After': '3600' } });
    expect(decideRetry(vendorId, normalized, { attempt: 1, method: 'GET' })).toMatchObject({
      retry: false,
      action: 'escalate_to_support',
    });
    const raised = decideRetry(vendorId, normalized, {
      attempt: 1,
      method: 'GET',
      maxRetryAfterMs: 3_600_000,
    });
    expect(raised).toMatchObject({ retry: true, delayMs: 3_600_000 });
  });

  it('uses exactly the default ceiling of 120 s as the last wait obeyed', () => {
    const at = normalizeError('denialbase', { status: 503, headers: { 'Retry-After': '120' } });
    expect(decideRetry('denialbase', at, { attempt: 1, method: 'GET' })).toMatchObject({
      retry: true,
      delayMs: 120_000,
    });
    const over = normalizeError('denialbase', { status: 503, headers: { 'Retry-After': '121' } });
    expect(decideRetry('denialbase', over, { attempt: 1, method: 'GET' }).retry).toBe(false);
  });

  it('CaseXchange: the budget keeps retrying past the documented 5 minutes before escalating', () => {
    // The shortest waits (no jitter) of every retry the budget allows.
    const { maxAttempts } = getVendor('casexchange').policy.retry;
    let total = 0;
    for (let attempt = 1; attempt < maxAttempts; attempt++) {
      total += decideRetry('casexchange', serverError('casexchange'), {
        attempt,
        method: 'GET',
        random: () => 0,
      }).delayMs;
    }
    expect(total).toBeGreaterThan(5 * 60_000);
  });

  it('Denialbase: the last wait the budget allows reaches the documented 30 s cap', () => {
    const { maxAttempts } = getVendor('denialbase').policy.retry;
    const last = decideRetry('denialbase', serverError('denialbase'), {
      attempt: maxAttempts - 1,
      method: 'GET',
    });
    expect(last).toMatchObject({ retry: true, delayMs: 30_000 });
  });

  it.each(vendorsWithDocumentedRetry.filter((vendorId) => getVendor(vendorId).policy.rateLimit.documented))(
    '%s: a 5xx that says no requests are left is retried on the schedule, not after the reset time',
    (vendorId) => {
      // Both forms a window is described in: the X-RateLimit pair and the IETF RateLimit field.
      const headers = {
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String(Math.floor(fixedNow() / 1000) + 50),
        RateLimit: 'limit=100, remaining=0, reset=50',
      };
      const normalized = normalizeError(vendorId, { status: 503, headers }, { now: fixedNow });
      expect(normalized.retryAfterMs).toBeNull();
      const decision = decideRetry(vendorId, normalized, { attempt: 1, method: 'GET', random: () => 0 });
      expect(decision).toMatchObject({ retry: true, delayMs: documentedRetryOf(vendorId).waits[0] });
    },
  );

  it('ClaimRev: an eligibility check sent as POST is a read and is retried after a 500', () => {
    const normalized = normalizeError('claimrev', { status: 500 });
    const options = { attempt: 1, method: 'POST', random: () => 0 };
    expect(decideRetry('claimrev', normalized, { ...options, path: '/api/v1/eligibility' })).toMatchObject({
      retry: true,
      delayMs: 1000,
    });
    expect(
      decideRetry('claimrev', normalized, { ...options, path: '/api/v1/eligibility?trace=1' }).retry,
    ).toBe(true);
  });

  it('ClaimRev: a real write sent as POST is still never retried after a 500', () => {
    const normalized = normalizeError('claimrev', { status: 500 });
    for (const path of ['/api/v1/claims', '/api/v1/eligibility/batch', undefined]) {
      const decision = decideRetry('claimrev', normalized, {
        attempt: 1,
        method: 'POST',
        ...(path === undefined ? {} : { path }),
      });
      expect(decision.retry).toBe(false);
    }
  });
});
