import { describe, expect, it } from 'vitest';
import '../../src/vitest/index.js';
import { MatcherUsageError, normalizeError, UnknownVendorError } from '../../src/index.js';
import type { RecordedAttempt } from '../../src/vitest/index.js';
import { envelopeWithCode } from '../helpers/vendor-bodies.js';

/** The message a failing assertion throws, so a test can read what a user would. */
function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed');
}

const json = { 'content-type': 'application/json' };
const versionConflict = {
  status: 409,
  headers: json,
  body: JSON.stringify(envelopeWithCode('collate', 'version_conflict', false)),
};

describe('toBeDocumentedError', () => {
  it("passes for a response carrying the vendor's documented code with its status", () => {
    expect(versionConflict).toBeDocumentedError('collate', 'version_conflict');
    expect(versionConflict).toBeDocumentedError('collate');
  });

  it('accepts a NormalizedError and anything carrying one, as a VendorApiError does', () => {
    const normalized = normalizeError('collate', versionConflict);
    expect(normalized).toBeDocumentedError('collate', 'version_conflict');
    expect({ normalized }).toBeDocumentedError('collate', 'version_conflict');
  });

  it.each([
    {
      title: 'another documented code',
      response: { ...versionConflict, body: envelopeWithCode('collate', 'bad_request', false), status: 400 },
      says: ['code "bad_request", not version_conflict', 'status 400, not 409'],
    },
    {
      title: 'the right code with the wrong status',
      response: { ...versionConflict, status: 422 },
      says: ['status 422, not 409'],
    },
    {
      title: 'a body that does not match the envelope',
      response: { status: 409, body: '<html>Bad gateway</html>' },
      says: ['no code, not version_conflict', 'body is not JSON'],
    },
    {
      title: 'a request id not in the documented form',
      response: {
        ...versionConflict,
        body: { ...envelopeWithCode('collate', 'version_conflict', false), requestId: 'x y' },
      },
      says: ['request id "x y" does not have the documented form ^req_[A-Za-z0-9]+$ (/requestId)'],
    },
  ])('fails for $title, saying what differs', ({ response, says }) => {
    const message = failureOf(() => expect(response).toBeDocumentedError('collate', 'version_conflict'));
    expect(message).toContain(
      "expected the response to be Collate's documented version_conflict error, but:",
    );
    for (const line of says) expect(message).toContain(`  - ${line}`);
  });

  it('fails, without a code named, for a code the catalog does not list', () => {
    const stranger = { status: 409, body: envelopeWithCode('collate', 'made_up_code', false) };
    expect(failureOf(() => expect(stranger).toBeDocumentedError('collate'))).toContain(
      '  - code "made_up_code", which the catalog does not list',
    );
  });

  it('passes ClaimRev, whose API bodies carry no code, on a documented status alone', () => {
    expect({ status: 403, body: 'Forbidden' }).toBeDocumentedError('claimrev');
    expect(failureOf(() => expect({ status: 418, body: '' }).toBeDocumentedError('claimrev'))).toContain(
      'status 418, which ClaimRev does not document',
    );
  });

  it('reads a ClaimRev token-endpoint code on the token endpoint', () => {
    expect({ status: 401, body: { error: 'invalid_client', error_description: 'no' } }).toBeDocumentedError(
      'claimrev',
      'invalid_client',
    );
  });

  it('words the negated failure too', () => {
    expect({ ...versionConflict, status: 422 }).not.toBeDocumentedError('collate', 'version_conflict');
    expect(
      failureOf(() => expect(versionConflict).not.toBeDocumentedError('collate', 'version_conflict')),
    ).toBe(
      'expected the response not to be Collate\'s documented version_conflict error, but it is (status 409, code "version_conflict")',
    );
  });

  it('refuses a vendor or code that does not exist, as a mistake in the test', () => {
    expect(() => expect(versionConflict).toBeDocumentedError('acme' as never)).toThrow(UnknownVendorError);
    expect(() => expect(versionConflict).toBeDocumentedError('collate', 'version_conflcit' as never)).toThrow(
      expect.objectContaining({
        code: 'ERR_MATCHER_USAGE',
        message:
          'toBeDocumentedError: collate documents no code "version_conflcit". Did you mean "version_conflict"?',
      }),
    );
  });
});

const unavailable = (at: number, extra: Partial<RecordedAttempt> = {}): RecordedAttempt => ({
  at,
  status: 503,
  body: envelopeWithCode('foresight', 'service_unavailable'),
  ...extra,
});

describe('toFollowRetryPolicy', () => {
  it("passes for calls spaced as Foresight's schedule says (1 s, then 2 s + jitter, then 4 s + jitter)", () => {
    const attempts = [unavailable(0), unavailable(1000), unavailable(3200), { at: 7600, status: 200 }];
    expect(attempts).toFollowRetryPolicy('foresight');
  });

  it('passes for a client that gives up early, and for a single call', () => {
    expect([unavailable(0), unavailable(1000)]).toFollowRetryPolicy('foresight');
    expect([
      { at: 0, status: 404, body: envelopeWithCode('foresight', 'resource_not_found') },
    ]).toFollowRetryPolicy('foresight');
  });

  it('honours Retry-After as a floor on the wait', () => {
    const limited = {
      status: 429,
      headers: { 'retry-after': '5' },
      body: envelopeWithCode('foresight', 'rate_limit_exceeded'),
    };
    expect([
      { at: 0, ...limited },
      { at: 5000, status: 200 },
    ]).toFollowRetryPolicy('foresight');
    expect(
      failureOf(() =>
        expect([
          { at: 0, ...limited },
          { at: 1000, status: 200 },
        ]).toFollowRetryPolicy('foresight'),
      ),
    ).toContain(
      '  - call 2 came 1.00 s after call 1 (a 429 rate_limit_exceeded); the schedule and retry-after allow 5.00 s to 6.00 s',
    );
  });

  it.each([
    {
      title: 'a retry sent too soon',
      attempts: [unavailable(0), unavailable(200)],
      says: 'call 2 came 200 ms after call 1 (a 503 service_unavailable); the schedule allows exactly 1.00 s',
    },
    {
      title: 'a repeated error the vendor says not to repeat',
      attempts: [
        { at: 0, status: 404, body: envelopeWithCode('foresight', 'resource_not_found') },
        unavailable(1000),
      ],
      says: 'call 2 repeated the request after a 404 resource_not_found, which Foresight says not to repeat',
    },
    {
      title: 'a write repeated without an Idempotency-Key',
      method: 'POST' as const,
      attempts: [unavailable(0), unavailable(1000)],
      says: 'POST may have been applied and is not repeated without an idempotency key',
    },
    {
      title: 'a write retried under another Idempotency-Key',
      method: 'POST' as const,
      attempts: [unavailable(0, { idempotencyKey: 'k1' }), unavailable(1000, { idempotencyKey: 'k2' })],
      says: 'call 2 changed the Idempotency-Key',
    },
    {
      title: 'more calls than the policy allows',
      attempts: [unavailable(0), unavailable(1000), unavailable(3000), unavailable(7000), unavailable(15000)],
      says: '5 calls made; Foresight allows at most 4',
    },
    {
      title: 'a call after a success',
      attempts: [
        { at: 0, status: 200 },
        { at: 10, status: 200 },
      ],
      says: 'call 2 repeated a request that had succeeded',
    },
  ])('fails for $title, saying which call broke which rule', ({ attempts, says, method }) => {
    const message = failureOf(() =>
      expect(attempts).toFollowRetryPolicy('foresight', method ? { method } : undefined),
    );
    expect(message).toContain("to follow Foresight's retry policy, but:");
    expect(message).toContain(says);
  });

  it.each([
    {
      title: 'a write retried without the Idempotency-Key its first call carried',
      vendor: 'denialbase' as const,
      name: 'Denialbase',
      method: 'POST' as const,
      attempts: [
        { at: 0, status: 503, idempotencyKey: 'a' },
        { at: 500, status: 201 },
      ],
      says: 'call 2 dropped the Idempotency-Key call 1 carried; a retry must carry the same one',
    },
    {
      title: 'more credential refreshes in a row than the policy allows after a 401',
      vendor: 'claimrev' as const,
      name: 'ClaimRev',
      method: undefined,
      attempts: [0, 1, 2, 3].map((at) => ({ at, status: 401, credentialsRefreshed: true })),
      says: 'call 3 refreshed the credentials again after a 401 that followed a refresh; ClaimRev allows 1 refresh per 401',
    },
  ])('fails for $title, saying which call broke which rule', ({ vendor, name, method, attempts, says }) => {
    const message = failureOf(() =>
      expect(attempts).toFollowRetryPolicy(vendor, method ? { method } : undefined),
    );
    expect(message).toContain(`to follow ${name}'s retry policy, but:`);
    expect(message).toContain(says);
  });

  it('accepts one credential refresh after a 401, and a write retried with its Idempotency-Key', () => {
    expect([
      { at: 0, status: 401, credentialsRefreshed: true },
      { at: 1, status: 200 },
    ]).toFollowRetryPolicy('claimrev');
    expect([
      { at: 0, status: 503, idempotencyKey: 'a' },
      { at: 500, status: 201, idempotencyKey: 'a' },
    ]).toFollowRetryPolicy('denialbase', { method: 'POST' });
  });

  it('accepts a write retried with the same Idempotency-Key', () => {
    const attempts = [unavailable(0, { idempotencyKey: 'k1' }), unavailable(1000, { idempotencyKey: 'k1' })];
    expect(attempts).toFollowRetryPolicy('foresight', { method: 'POST' });
  });

  it('words the negated failure, and refuses what is not a list of calls', () => {
    expect(
      failureOf(() => expect([unavailable(0), unavailable(1000)]).not.toFollowRetryPolicy('foresight')),
    ).toBe("expected the calls (503 → 503) not to follow Foresight's retry policy, but they do");
    expect(() => expect({ status: 503 }).toFollowRetryPolicy('foresight')).toThrow(MatcherUsageError);
  });

  it('refuses a method that is not an HTTP method, which only a cast or plain JavaScript can pass', () => {
    const options = { method: 'FETCH' } as unknown as { method: 'GET' };
    expect(() => expect([unavailable(0)]).toFollowRetryPolicy('foresight', options)).toThrow(
      /"FETCH" is not an HTTP method/,
    );
  });
});
