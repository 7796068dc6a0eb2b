import nock from 'nock';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { ErrorContractsError, getVendor, VendorApiError, vendorIds } from '../../src/index.js';
import { BASE_URL, clientHarness, mockAuthFor } from '../helpers/client-harness.js';
import { isolateNetwork } from '../helpers/nock-isolation.js';
import { envelopeWithCode, FIXED_NOW, vendorsWithCodes } from '../helpers/vendor-bodies.js';

isolateNetwork({ strict: false });

/** Category → class name and stable code, written out as the public contract. */
const CONTRACT: Record<string, [string, string]> = {
  authentication: ['AuthenticationError', 'ERR_VENDOR_AUTHENTICATION'],
  second_factor: ['SecondFactorRequiredError', 'ERR_VENDOR_SECOND_FACTOR'],
  permission: ['PermissionError', 'ERR_VENDOR_PERMISSION'],
  validation: ['ValidationError', 'ERR_VENDOR_VALIDATION'],
  not_found: ['NotFoundError', 'ERR_VENDOR_NOT_FOUND'],
  conflict: ['ConflictError', 'ERR_VENDOR_CONFLICT'],
  idempotency: ['IdempotencyError', 'ERR_VENDOR_IDEMPOTENCY'],
  payload: ['PayloadTooLargeError', 'ERR_VENDOR_PAYLOAD'],
  rate_limit: ['RateLimitError', 'ERR_VENDOR_RATE_LIMIT'],
  upstream: ['UpstreamError', 'ERR_VENDOR_UPSTREAM'],
  server: ['ServerError', 'ERR_VENDOR_SERVER'],
  unknown: ['UnclassifiedError', 'ERR_VENDOR_UNCLASSIFIED'],
};

/** Every non-retryable catalog code of every vendor with codes: each must end in its own class. */
const finalCases = vendorsWithCodes.flatMap((vendorId) =>
  getVendor(vendorId)
    .catalog.filter((entry) => entry.surface === 'api' && !entry.retryable)
    .map((entry) => ({ vendorId, code: entry.code, status: entry.status, category: entry.category })),
);

describe('typed errors', () => {
  it.each(finalCases)(
    '$vendorId $code ($status) rejects with the $category class',
    async ({ vendorId, code, status, category }) => {
      nock(BASE_URL)
        .get('/x')
        .reply(status, envelopeWithCode(vendorId, code, false));
      const { client } = clientHarness(vendorId, 'secret-value-1');
      const error = await client.request('GET', '/x').catch((caught: unknown) => caught);
      const [name, stableCode] = CONTRACT[category] ?? [];
      expect(error).toBeInstanceOf(VendorApiError);
      expect(error).toBeInstanceOf(ErrorContractsError);
      expect(error).toMatchObject({
        name,
        code: stableCode,
        vendorCode: code,
        status,
        vendor: vendorId,
        normalized: { code, documented: true },
      });
    },
  );

  it.each(Object.values(CONTRACT))('%s is exported and extends VendorApiError', (name) => {
    const ErrorClass = (api as unknown as Record<string, unknown>)[name] as typeof VendorApiError;
    expect(ErrorClass.prototype).toBeInstanceOf(VendorApiError);
  });

  it('keeps a code the catalog does not list out of vendorCode, and in normalized.code as sent', async () => {
    nock(BASE_URL)
      .get('/x')
      .reply(409, envelopeWithCode('collate', 'not_a_collate_code', false));
    const { client } = clientHarness('collate', 'secret-value-1');
    const error = await client.request('GET', '/x').catch((caught: unknown) => caught);
    expect(api.isVendorApiError(error, 'collate')).toBe(true);
    expect(api.isVendorApiError(error, 'denialbase')).toBe(false);
    expect(error).toMatchObject({
      vendorCode: null,
      normalized: { code: 'not_a_collate_code', documented: false },
    });
  });

  it('a call with no response at all is a TransportError carrying the cause', async () => {
    nock(BASE_URL).get('/x').times(4).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    const { client } = clientHarness('foresight', 'secret-value-1');
    const error = await client.request('GET', '/x').catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'TransportError',
      code: 'ERR_VENDOR_TRANSPORT',
      status: 0,
      attempts: 4,
    });
    expect((error as Error).cause).toMatchObject({ code: 'ECONNRESET' });
    expect((error as VendorApiError).normalized.message).toBe('no response: socket hang up (ECONNRESET)');
  });
});

describe('support bundle', () => {
  it.each(vendorIds)('%s: carries what the vendor asks for when escalating', async (vendorId) => {
    const { requestId } = getVendor(vendorId).policy;
    const body = vendorsWithCodes.includes(vendorId)
      ? envelopeWithCode(vendorId, getVendor(vendorId).catalog[0]?.code ?? 'x', false)
      : { message: 'no' };
    mockAuthFor(vendorId);
    nock(BASE_URL).post('/claims?patientName=Jane&page=2').reply(403, body);
    const { client } = clientHarness(vendorId, 'secret-value-1');
    const error = (await client
      .request('POST', '/claims?patientName=Jane&page=2', { body: { amount: 10, patientName: 'Jane Roe' } })
      .catch((caught: unknown) => caught)) as VendorApiError;
    expect(error.supportBundle).toMatchObject({
      vendor: vendorId,
      method: 'POST',
      path: '/claims?patientName=%5BREDACTED%5D&page=2',
      requestBody: { amount: 10, patientName: '[REDACTED]' },
      status: 403,
      responseBody: JSON.stringify(body),
      requestId: requestId.promised ? requestId.example : null,
      timestamp: new Date(FIXED_NOW).toISOString(),
      attempts: 1,
      channel: getVendor(vendorId).policy.support.channel,
    });
    expect(error.requestId).toBe(error.supportBundle.requestId);
  });

  it('uses the caller-supplied PHI field list instead of the default one', async () => {
    mockAuthFor('claimrev');
    nock(BASE_URL).post('/claims').reply(400, 'bad');
    const { client } = clientHarness('claimrev', 'secret', { phiFields: ['diagnosis'] });
    const error = (await client
      .request('POST', '/claims', { body: JSON.stringify({ diagnosis: 'J45', note: 'ok' }) })
      .catch((caught: unknown) => caught)) as VendorApiError;
    expect(error.supportBundle.requestBody).toEqual({ diagnosis: '[REDACTED]', note: 'ok' });
  });
});
