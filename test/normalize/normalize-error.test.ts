import { describe, expect, it } from 'vitest';
import { getVendor, normalizeError, vendorIds } from '../../src/index.js';
import {
  envelopeExamples,
  envelopeWithCode,
  FIXED_NOW,
  fixedNow,
  vendorsWithCodes,
} from '../helpers/vendor-bodies.js';

const catalogCases = vendorsWithCodes.flatMap((vendorId) =>
  getVendor(vendorId)
    .catalog.filter((entry) => entry.surface === 'api')
    .map((entry) => ({ vendorId, entry })),
);

const statusCases = vendorIds.flatMap((vendorId) =>
  getVendor(vendorId).policy.statuses.map((rule) => ({ vendorId, rule })),
);

describe('normalizeError classification', () => {
  it.each(catalogCases)('$vendorId $entry.code takes the catalog classification', ({ vendorId, entry }) => {
    const body = envelopeWithCode(vendorId, entry.code, entry.retryable);
    const result = normalizeError(
      vendorId,
      { status: entry.status, body: JSON.stringify(body) },
      { now: fixedNow },
    );
    expect(result).toMatchObject({
      vendor: vendorId,
      status: entry.status,
      code: entry.code,
      category: entry.category,
      action: entry.action,
      retryable: entry.retryable,
    });
    expect(result.problems.filter((problem) => problem.kind !== 'missing_rate_limit_header')).toEqual([]);
  });

  it.each(statusCases)(
    '$vendorId $rule.status with an opaque HTML body falls back to the status table',
    ({ vendorId, rule }) => {
      const result = normalizeError(vendorId, {
        status: rule.status,
        body: '<html><body>proxy error</body></html>',
      });
      expect(result).toMatchObject({
        code: null,
        category: rule.category,
        action: rule.action,
        retryable: rule.retryable,
      });
      expect(result.raw.body).toBe('<html><body>proxy error</body></html>');
    },
  );

  it.each(vendorIds)('%s accepts every example of its own envelope schema as conforming', (vendorId) => {
    for (const example of envelopeExamples(vendorId)) {
      const result = normalizeError(vendorId, { status: 400, body: example });
      expect(result.conforms).toBe(true);
      expect(result.problems.filter((problem) => problem.kind === 'schema')).toEqual([]);
    }
  });

  it.each(vendorsWithCodes)(
    '%s reports a code missing from the catalog and classifies by status',
    (vendorId) => {
      const body = envelopeWithCode(vendorId, 'not_a_documented_code');
      const result = normalizeError(vendorId, { status: 503, body });
      expect(result.code).toBe('not_a_documented_code');
      expect(result.problems.map((problem) => problem.kind)).toContain('unknown_code');
      const rule = getVendor(vendorId).policy.statuses.find((candidate) => candidate.status === 503);
      expect(result.category).toBe(rule?.category);
    },
  );

  it.each(vendorsWithCodes)(
    '%s reports a code that arrives with another status than documented',
    (vendorId) => {
      const entry = getVendor(vendorId).catalog.find((candidate) => candidate.status !== 418);
      if (!entry) throw new Error('empty catalog');
      const result = normalizeError(vendorId, { status: 418, body: envelopeWithCode(vendorId, entry.code) });
      expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'status_mismatch' }));
      expect(result.category).toBe(entry.category);
    },
  );

  it.each(vendorsWithCodes)('%s lists schema violations with their paths', (vendorId) => {
    const result = normalizeError(vendorId, { status: 400, body: { error: [] } });
    expect(result.conforms).toBe(false);
    expect(
      result.problems.some((problem) => problem.kind === 'schema' && problem.path?.startsWith('/')),
    ).toBe(true);
  });

  it('lets a catalogued code decide recovery over the body’s retryable flag (Collate)', () => {
    // "Use error.code for recovery logic": a flag that contradicts the code's entry is not obeyed.
    const flagged = envelopeWithCode('collate', 'version_conflict', true);
    expect(normalizeError('collate', { status: 409, body: flagged })).toMatchObject({
      retryable: false,
      action: 'reread_and_reconcile',
    });
    const unflagged = envelopeWithCode('collate', 'workflow_backend_unavailable', false);
    expect(normalizeError('collate', { status: 503, body: unflagged })).toMatchObject({
      retryable: true,
      action: 'back_off_and_retry',
    });
  });

  it('lets the body’s retryable flag decide for a code the catalog does not know (Collate)', () => {
    const flagged = envelopeWithCode('collate', 'a_code_from_a_later_release', true);
    expect(normalizeError('collate', { status: 409, body: flagged })).toMatchObject({
      retryable: true,
      action: 'back_off_and_retry',
    });
    const unflagged = envelopeWithCode('collate', 'a_code_from_a_later_release', false);
    expect(normalizeError('collate', { status: 503, body: unflagged })).toMatchObject({
      retryable: false,
      action: 'escalate_to_support',
    });
  });

  it('classifies a status no policy row covers by its class and the retryable statuses', () => {
    // Collate documents no rate limit, so its 429 is not repeated automatically.
    expect(normalizeError('collate', { status: 429 })).toMatchObject({
      category: 'rate_limit',
      retryable: false,
    });
    expect(normalizeError('casexchange', { status: 418 })).toMatchObject({
      category: 'unknown',
      action: 'fix_request',
    });
  });

  it('reads ClaimRev token-endpoint errors with their own reader and catalog', () => {
    const body = { error: 'invalid_client', error_description: 'unknown client', correlation_id: 'c-1' };
    const result = normalizeError('claimrev', { status: 401, body }, { surface: 'token_endpoint' });
    expect(result).toMatchObject({
      code: 'invalid_client',
      category: 'authentication',
      action: 'fix_credentials',
      message: 'unknown client',
      requestId: 'c-1',
      conforms: true,
    });
  });

  it('flags a request id not in the documented form, and keeps it', () => {
    const body = { ...envelopeWithCode('foresight', 'resource_not_found', false) } as Record<string, unknown>;
    const error = { ...(body.error as Record<string, unknown>), requestId: 'req_lowercase' };
    const result = normalizeError('foresight', { status: 404, body: { ...body, error } });
    expect(result.requestId).toBe('req_lowercase');
    expect(result.problems).toContainEqual({
      kind: 'malformed_request_id',
      message: 'request id "req_lowercase" does not have the documented form ^req_[0-9A-Z]+$',
      path: '/error/requestId',
    });
  });

  it('marks a catalogued code documented, and an uncatalogued or missing one not', () => {
    const documented = normalizeError('collate', {
      status: 409,
      body: envelopeWithCode('collate', 'version_conflict', false),
    });
    expect(documented).toMatchObject({ code: 'version_conflict', documented: true });
    const stranger = normalizeError('collate', {
      status: 409,
      body: envelopeWithCode('collate', 'not_in_the_docs', false),
    });
    expect(stranger).toMatchObject({ code: 'not_in_the_docs', documented: false });
    expect(stranger.problems.map((problem) => problem.kind)).toContain('unknown_code');
    expect(stranger.problems.map((problem) => problem.kind)).not.toContain('malformed_request_id');
    expect(normalizeError('collate', { status: 502, body: '<html>' })).toMatchObject({
      code: null,
      documented: false,
    });
  });
});

describe('normalizeError fields', () => {
  it.each([
    [
      'foresight',
      400,
      {
        error: {
          type: 'validation_error',
          code: 'missing_required_field',
          message: 'patientId is required',
          param: 'patientId',
          requestId: 'req_1',
          docsUrl: 'https://x.example/a',
        },
      },
      [{ field: 'patientId', message: 'patientId is required' }],
    ],
    [
      'denialbase',
      422,
      {
        error: {
          code: 'validation_failed',
          message: 'bad',
          request_id: 'req_1',
          details: [
            { field: 'email', message: 'not an email' },
            { field: 'dob', message: 'in the future' },
          ],
        },
      },
      [
        { field: 'email', message: 'not an email' },
        { field: 'dob', message: 'in the future' },
      ],
    ],
    [
      'collate',
      422,
      {
        error: {
          code: 'request_validation_failed',
          message: 'bad',
          retryable: false,
          issues: [{ path: '/patient/birthDate', message: 'not a date' }, { linkId: 'q1' }],
        },
        requestId: 'req_1',
      },
      [
        { field: '/patient/birthDate', message: 'not a date' },
        { field: 'q1', message: 'bad' },
      ],
    ],
    [
      'casexchange',
      400,
      {
        error: { code: 'validation_error', message: 'Field `firm.name` must be set and `email` too' },
        meta: { requestId: 'req_1', timestamp: '2026-03-31T12:00:00.000Z' },
      },
      [
        { field: 'firm.name', message: 'Field `firm.name` must be set and `email` too' },
        { field: 'email', message: 'Field `firm.name` must be set and `email` too' },
      ],
    ],
    [
      'casexchange',
      400,
      {
        error: { code: 'validation_error', message: 'email must be a valid address' },
        meta: { requestId: 'req_1', timestamp: '2026-03-31T12:00:00.000Z' },
      },
      [{ field: 'email', message: 'email must be a valid address' }],
    ],
    [
      'casexchange',
      404,
      {
        error: { code: 'resource_not_found', message: 'Referral `abc` is gone' },
        meta: { requestId: 'req_1', timestamp: '2026-03-31T12:00:00.000Z' },
      },
      [],
    ],
    [
      'claimrev',
      400,
      { errors: { payerId: ['is required', 'is too short'] } },
      [
        { field: 'payerId', message: 'is required' },
        { field: 'payerId', message: 'is too short' },
      ],
    ],
  ] as const)('%s %d: field errors are read where the policy says', (vendorId, status, body, expected) => {
    expect(normalizeError(vendorId, { status, body }).fieldErrors).toEqual(expected);
  });

  it.each(vendorIds)('%s reads the request id at the policy pointer', (vendorId) => {
    const { pointer, example } = getVendor(vendorId).policy.requestId;
    const [body] = envelopeExamples(vendorId);
    const result = normalizeError(vendorId, { status: 400, body });
    expect(result.requestId).toBe(pointer === undefined ? null : example);
  });

  it('uses a short plain-text body as the message and never HTML', () => {
    expect(normalizeError('claimrev', { status: 400, body: 'Bad Request' }).message).toBe('Bad Request');
    expect(normalizeError('claimrev', { status: 502, body: '<h1>Bad gateway</h1>' }).message).toBe(
      '502 Bad Gateway',
    );
  });

  it('redacts credential headers and scrubs given secrets from the raw response', () => {
    const result = normalizeError(
      'foresight',
      {
        status: 401,
        headers: { 'X-API-Key': 'key-123456', 'Set-Cookie': 's=1', 'X-Echo': 'saw key-123456' },
        body: '{"message":"bad key key-123456"}',
      },
      { redact: { secrets: ['key-123456'] } },
    );
    expect(result.raw.headers).toEqual({
      'x-api-key': '[REDACTED]',
      'set-cookie': '[REDACTED]',
      'x-echo': 'saw [REDACTED]',
    });
    expect(JSON.stringify(result)).not.toContain('key-123456');
  });
});

describe('normalizeError waits', () => {
  it('prefers Retry-After to the reset header and to the RateLimit field', () => {
    const headers = {
      'Retry-After': '5',
      'X-RateLimit-Reset': String(FIXED_NOW / 1000 + 40),
      RateLimit: '"default";r=0;t=50',
    };
    const result = normalizeError('casexchange', { status: 429, headers }, { now: fixedNow });
    expect(result).toMatchObject({ retryAfterMs: 5000, retryAfterSource: 'retry-after' });
    expect(result.rateLimit).toEqual({ remaining: 0, resetMs: 40_000, resetReading: 'epoch_seconds' });
  });

  it('uses the documented reset header before the RateLimit field, and records its reading', () => {
    const headers = { 'X-RateLimit-Reset': '20', RateLimit: '"default";r=0;t=50' };
    const result = normalizeError('casexchange', { status: 429, headers }, { now: fixedNow });
    expect(result).toMatchObject({ retryAfterMs: 20_000, retryAfterSource: 'reset-header' });
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'rate_limit_reset_unit' }));
  });

  it('uses the RateLimit field when it is the only hint on a rate-limited response', () => {
    const result = normalizeError('denialbase', { status: 429, headers: { RateLimit: '"d";r=0;t=7' } });
    expect(result).toMatchObject({ retryAfterMs: 7000, retryAfterSource: 'ratelimit-field' });
  });

  it('does not treat a reset time as a wait on a response that is not rate limited', () => {
    const result = normalizeError('casexchange', { status: 500, headers: { 'X-RateLimit-Reset': '20' } });
    expect(result.retryAfterMs).toBeNull();
  });

  it('ignores an invalid Retry-After and says so', () => {
    const result = normalizeError('foresight', { status: 503, headers: { 'Retry-After': 'later' } });
    expect(result.retryAfterMs).toBeNull();
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'invalid_retry_after' }));
  });

  it.each(vendorIds.filter((id) => getVendor(id).policy.rateLimit.documented))(
    '%s: a rate-limited response without the documented header is a problem',
    (vendorId) => {
      const status = getVendor(vendorId).policy.rateLimit.status ?? 429;
      const result = normalizeError(vendorId, { status });
      expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'missing_rate_limit_header' }));
    },
  );
});
