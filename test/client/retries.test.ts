import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { getVendor, ServerError, vendorIds } from '../../src/index.js';
import { BASE_URL, clientHarness, mockAuthFor, vendorsKeyingPost } from '../helpers/client-harness.js';
import { documentedRetryOf, vendorsWithDocumentedRetry } from '../helpers/documented-retry.js';
import { isolateNetwork } from '../helpers/nock-isolation.js';
import { envelopeWithCode, FIXED_NOW } from '../helpers/vendor-bodies.js';

isolateNetwork({ strict: true });

describe('createClient retries over HTTP', () => {
  it.each(vendorsWithDocumentedRetry)(
    '%s: 503, 503, 200 succeeds on the third call after the documented waits',
    async (vendorId) => {
      mockAuthFor(vendorId);
      nock(BASE_URL).get('/things/1').times(2).reply(503, 'busy').get('/things/1').reply(200, { id: 1 });
      const { client, sleeps, retries } = clientHarness(vendorId, 'secret-value-1');
      const response = await client.request('GET', '/things/1');
      expect(response).toMatchObject({ status: 200, body: { id: 1 }, attempts: 3 });
      // random() is 0, so jitter adds nothing and the waits are the documented base values.
      expect(sleeps).toEqual(documentedRetryOf(vendorId).waits.slice(0, 2));
      expect(retries.map((event) => event.attempt)).toEqual([1, 2]);
    },
  );

  it.each(vendorsWithDocumentedRetry)(
    '%s: a read failing every time stops after the documented number of calls',
    async (vendorId) => {
      mockAuthFor(vendorId);
      const calls = documentedRetryOf(vendorId).calls;
      nock(BASE_URL).get('/things/1').times(calls).reply(500, 'broken');
      const { client, sleeps } = clientHarness(vendorId, 'secret-value-1');
      const error = await client.request('GET', '/things/1').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ServerError);
      expect(error).toMatchObject({
        attempts: calls,
        status: 500,
        decision: { action: 'escalate_to_support' },
      });
      expect(sleeps).toHaveLength(calls - 1);
    },
  );

  it.each(vendorIds.filter((id) => getVendor(id).policy.rateLimit.retryAfterHeader === true))(
    '%s: a 429 is retried after Retry-After in each form RFC 9110 allows',
    async (vendorId) => {
      // FIXED_NOW is Tue, 31 Mar 2026 12:00:00 GMT; each date below is 5 s after it.
      const forms = [
        '5',
        'Tue, 31 Mar 2026 12:00:05 GMT',
        'Tuesday, 31-Mar-26 12:00:05 GMT',
        'Tue Mar 31 12:00:05 2026',
      ];
      for (const retryAfter of forms) {
        nock(BASE_URL)
          .get('/limited')
          .reply(429, 'slow down', { 'Retry-After': retryAfter })
          .get('/limited')
          .reply(200, '');
        const { client, sleeps } = clientHarness(vendorId, 'secret-value-1');
        await client.request('GET', '/limited');
        expect({ retryAfter, sleeps }).toEqual({ retryAfter, sleeps: [5000] });
      }
    },
  );

  it('CaseXchange: a 429 waits until X-RateLimit-Reset', async () => {
    const reset = String(FIXED_NOW / 1000 + 12);
    nock(BASE_URL)
      .get('/limited')
      .reply(429, '', { 'X-RateLimit-Reset': reset })
      .get('/limited')
      .reply(200, '');
    const { client, sleeps } = clientHarness('casexchange', 'secret-value-1');
    await client.request('GET', '/limited');
    expect(sleeps).toEqual([12_000]);
  });

  it('a Retry-After beyond the ceiling ends the request instead of sleeping', async () => {
    nock(BASE_URL).get('/limited').reply(429, '', { 'Retry-After': '7200' });
    const { client, sleeps } = clientHarness('foresight', 'secret-value-1', { maxRetryAfterMs: 60_000 });
    const error = await client.request('GET', '/limited').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'RateLimitError', decision: { action: 'escalate_to_support' } });
    expect(sleeps).toEqual([]);
  });
});

describe('createClient writes and idempotency keys', () => {
  it.each(vendorsKeyingPost)('%s: a write that times out is retried with the same key', async (vendorId) => {
    mockAuthFor(vendorId);
    const header = getVendor(vendorId).policy.idempotency.header ?? '';
    // Both interceptors match only the generated key, so a call with any other key finds no mock.
    nock(BASE_URL)
      .post('/documents')
      .matchHeader(header, 'key-1')
      .replyWithError({ code: 'ETIMEDOUT', message: 'timed out' })
      .post('/documents')
      .matchHeader(header, 'key-1')
      .reply(201, { id: 'doc-1' });
    const { client, sleeps } = clientHarness(vendorId, 'secret-value-1');
    const response = await client.request('POST', '/documents', { body: { name: 'a.pdf' } });
    expect(response).toMatchObject({ status: 201, attempts: 2, idempotencyKey: 'key-1' });
    expect(sleeps).toHaveLength(1);
  });

  it.each(vendorsKeyingPost)('%s: every retry of one write carries the same key', async (vendorId) => {
    const header = (getVendor(vendorId).policy.idempotency.header ?? '').toLowerCase();
    const keys: string[] = [];
    const capture = function (this: { req: { headers: Record<string, string> } }) {
      keys.push(this.req.headers[header] ?? 'none');
      return [503, 'busy'] as [number, string];
    };
    nock(BASE_URL).post('/documents').times(2).reply(capture).post('/documents').reply(201, {});
    const { client } = clientHarness(vendorId, 'secret-value-1');
    await client.request('POST', '/documents', { body: { name: 'a.pdf' } });
    expect(keys).toEqual(['key-1', 'key-1']);
  });

  it.each(vendorIds.filter((id) => !vendorsKeyingPost.includes(id)))(
    '%s: a write that fails with 503 is not repeated without an honoured key',
    async (vendorId) => {
      mockAuthFor(vendorId);
      nock(BASE_URL).post('/claims').reply(503, 'busy');
      const { client, sleeps } = clientHarness(vendorId, 'secret-value-1');
      const error = await client.request('POST', '/claims', { body: {} }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        name: 'ServerError',
        attempts: 1,
        decision: { action: 'reread_and_reconcile' },
      });
      expect(sleeps).toEqual([]);
    },
  );

  it.each(vendorIds.filter((id) => getVendor(id).policy.idempotency.mismatch !== undefined))(
    '%s: a key refused for a different body is replaced once by a fresh one',
    async (vendorId) => {
      const { mismatch, header = '' } = getVendor(vendorId).policy.idempotency;
      if (!mismatch) throw new Error('no mismatch rule');
      const keys: string[] = [];
      const remember = function (this: { req: { headers: Record<string, string> } }) {
        keys.push(this.req.headers[header.toLowerCase()] ?? 'none');
      };
      nock(BASE_URL)
        .post('/documents')
        .reply(function () {
          remember.call(this);
          return [mismatch.status, envelopeWithCode(vendorId, mismatch.code, false)];
        })
        .post('/documents')
        .reply(function () {
          remember.call(this);
          return [201, { id: 'doc-2' }];
        });
      const { client, sleeps } = clientHarness(vendorId, 'secret-value-1');
      const response = await client.request('POST', '/documents', {
        body: { name: 'b.pdf' },
        idempotencyKey: 'reused',
      });
      expect(keys).toEqual(['reused', 'key-1']);
      expect(response).toMatchObject({ status: 201, idempotencyKey: 'key-1' });
      expect(sleeps).toEqual([]);
    },
  );
});
