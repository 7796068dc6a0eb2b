import { type ClientRequest, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { findCatalogEntry, getVendor, type VendorId, validateError, vendorIds } from '../../src/index.js';
import { credentialHeaders, exchange } from '../../src/scenarios/runner.js';
import type { OperationSpec } from '../../src/scenarios/types.js';
import { vendorScenarios } from '../../src/scenarios/vendors/index.js';
import { FaultInjector } from '../../src/simulator/fault-injection.js';
import { createSimulatorCore } from '../../src/simulator/simulator-core.js';
import { createVendorRuntime } from '../../src/simulator/vendor-runtime.js';
import { vendorModels } from '../../src/simulator/vendors/index.js';
import { VirtualClock } from '../../src/time/clock.js';
import { apiReader } from '../helpers/vendor-bodies.js';
import { codeOf, parseJson, useSimulator } from './helpers.js';

const sim = useSimulator();

/**
 * A route of the vendor's scenario data that reads a JSON body: its create, where that is a POST
 * with a JSON body on a fixed path, else its first operation that is.
 */
function jsonWriteRoute(vendorId: VendorId): string {
  const { operations, behaviour } = vendorScenarios[vendorId];
  const readsJson = (operation: OperationSpec | undefined): operation is OperationSpec =>
    operation?.method === 'POST' &&
    operation.body !== undefined &&
    /json/.test(operation.contentType ?? 'application/json') &&
    !operation.path.includes('{');
  const create = operations[behaviour.create.request.operation];
  const chosen = readsJson(create) ? create : Object.values(operations).find(readsJson);
  if (!chosen) throw new Error(`${vendorId} has no POST operation with a JSON body on a fixed path`);
  return chosen.path;
}

function authHeader(vendorId: VendorId): Promise<Record<string, string>> {
  return credentialHeaders(sim().credentials(vendorId), 'valid');
}

/**
 * Whatever the input, the answer is the vendor's own error: a catalog code with its status, or any
 * body where the vendor's API errors promise no code (ClaimRev).
 */
function expectVendorError(vendorId: VendorId, answer: { status: number; body: string }) {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(600);
  expect(answer.body).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(answer.body).not.toMatch(/node_modules|\.ts:\d+/);
  if (apiReader(vendorId).code === undefined) return;
  const body = parseJson(answer.body);
  expect(validateError(vendorId, body).valid).toBe(true);
  const code = codeOf(vendorId, body);
  expect(findCatalogEntry(vendorId, String(code))?.status).toBe(answer.status);
}

type BadInput = {
  name: string;
  method: string;
  path: (v: VendorId) => string;
  contentType?: string;
  body?: Buffer;
};
const toWriteRoute = (name: string, contentType: string, body: Buffer | string): BadInput => ({
  name,
  method: 'POST',
  path: (v) => jsonWriteRoute(v),
  contentType,
  body: Buffer.from(body),
});
const badInputs: BadInput[] = [
  toWriteRoute('malformed JSON', 'application/json', '{"a": tru'),
  toWriteRoute('a JSON array instead of an object', 'application/json', '[1,2]'),
  toWriteRoute('a wrong content type', 'text/csv', 'a,b\n1,2'),
  toWriteRoute('bytes that are not UTF-8', 'application/json', Buffer.from([0xff, 0xfe, 0x7b])),
  { name: 'an unknown route', method: 'GET', path: () => '/no/such/endpoint' },
  { ...toWriteRoute('a known path with an unknown method', 'application/json', '{}'), method: 'PUT' },
  {
    name: 'a broken percent-encoding in the path',
    method: 'GET',
    path: (v) => `${jsonWriteRoute(v)}/%E0%A4%A`,
  },
  { name: 'a very long path', method: 'GET', path: (v) => `${jsonWriteRoute(v)}/${'x'.repeat(4_000)}` },
];

describe.each(vendorIds)('%s answers bad input in its own shape', (vendorId) => {
  it.each(badInputs)('$name', async (input) => {
    const headers = {
      ...(await authHeader(vendorId)),
      ...(input.contentType ? { 'content-type': input.contentType } : {}),
    };
    const answer = await exchange(
      `${sim().url(vendorId)}${input.path(vendorId)}`,
      input.method,
      headers,
      input.body,
    );
    expectVendorError(vendorId, answer);
  });

  it('refuses a body declared larger than its limit before reading it', async () => {
    const limit = vendorModels[vendorId].maxBodyBytes;
    const answer = await declareOnly(
      `${sim().url(vendorId)}${jsonWriteRoute(vendorId)}`,
      limit + 1,
      await authHeader(vendorId),
    );
    expectVendorError(vendorId, answer);
  });

  it('turns an exception inside its model into its own 500-class error, without a stack trace', async () => {
    const model = {
      ...vendorModels[vendorId],
      handle: () => {
        throw new Error('deliberate failure at model.ts:1:1');
      },
    };
    const runtime = createVendorRuntime(model, { clock: new VirtualClock(), faults: new FaultInjector() });
    const answer = await runtime.handle({
      method: 'GET',
      path: '/',
      query: new URLSearchParams(),
      headers: {},
      body: new Uint8Array(),
      declaredLength: null,
    });
    expect(answer.status).toBeGreaterThanOrEqual(500);
    expectVendorError(vendorId, answer);
    expect(answer.body).not.toContain('deliberate');
  });
});

describe('payload limits', () => {
  it('Denialbase refuses a 50 MB+ upload from its Content-Length, without waiting for the body', async () => {
    const answer = await declareOnly(
      `${sim().url('denialbase')}/api/v1/documents`,
      50 * 1024 * 1024 + 1,
      await authHeader('denialbase'),
    );
    expect(answer.status).toBe(413);
    expect(codeOf('denialbase', parseJson(answer.body))).toBe('file_too_large');
  });

  it('Denialbase accepts an upload of exactly 50 MiB by its declared size', () => {
    expect(vendorModels.denialbase.maxBodyBytes).toBe(50 * 1024 * 1024);
  });

  it('Collate refuses a chunked body that runs past its 10 MiB limit, with payload_too_large', async () => {
    const headers = {
      authorization: 'Bearer col_test_full_R7v2',
      'content-type': 'application/pdf',
      'transfer-encoding': 'chunked',
    };
    const answer = await rawRequest(
      `${sim().url('collate')}/v1/files/file_pending/content`,
      'PUT',
      headers,
      (req) => {
        const chunk = Buffer.alloc(1024 * 1024, 0x41);
        // Eleven chunks of 1 MiB: one more than the limit allows; the server stops reading early.
        for (let i = 0; i < 11; i++) req.write(chunk);
        req.end();
      },
    );
    expect(answer.status).toBe(413);
    expect(codeOf('collate', parseJson(answer.body))).toBe('payload_too_large');
    expect(getVendor('collate').catalog.find((e) => e.code === 'payload_too_large')?.status).toBe(413);
  });
});

describe('the HTTP transport', () => {
  it('answers an unknown vendor prefix with a plain 404 that lists the vendors', async () => {
    const answer = await exchange(`http://127.0.0.1:${sim().port}/nobody/x`, 'GET', {}, undefined);
    expect(answer.status).toBe(404);
    expect(answer.body).toContain('/collate');
  });

  it('listens on the loopback interface only', () => {
    expect(sim().url('collate')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/collate$/);
  });

  it('refuses to simulate an unknown vendor', () => {
    expect(() => createSimulatorCore({ vendors: ['acme' as VendorId] })).toThrow(/Unknown vendor/);
  });
});

/**
 * A raw request whose body the test writes itself (or not at all); resolves with the answer and
 * then drops the connection, since the server may still be waiting for a body it was promised.
 */
function rawRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
  write: (req: ClientRequest) => void,
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: text });
        req.destroy();
      });
    });
    req.on('error', reject);
    write(req);
  });
}

/** Sends only the headers of a request that declares `length` bytes. */
function declareOnly(url: string, length: number, headers: Record<string, string>) {
  const declared = { ...headers, 'content-type': 'application/json', 'content-length': String(length) };
  return rawRequest(url, 'POST', declared, (req) => req.flushHeaders());
}
