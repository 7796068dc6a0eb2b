import { describe, expectTypeOf, it } from 'vitest';
import {
  type CasexchangeErrorCode,
  type CasexchangeErrorEnvelope,
  isCasexchangeErrorEnvelope,
} from '../../src/generated/casexchange/index.js';
import { type ClaimrevTokenError, isClaimrevTokenError } from '../../src/generated/claimrev/index.js';
import type { ForesightErrorEnvelope } from '../../src/generated/foresight/index.js';
import { type CodeByVendor, getVendor, type VendorId, validateError, vendorIds } from '../../src/index.js';

describe('public types', () => {
  it('vendorIds is a tuple of the five literal ids', () => {
    expectTypeOf(vendorIds).toEqualTypeOf<
      readonly ['claimrev', 'collate', 'casexchange', 'foresight', 'denialbase']
    >();
    expectTypeOf<VendorId>().toEqualTypeOf<
      'claimrev' | 'collate' | 'casexchange' | 'foresight' | 'denialbase'
    >();
  });

  it('validateError narrows the envelope to the vendor named', () => {
    const result = validateError('foresight', {});
    if (result.valid) {
      expectTypeOf(result.envelope).toEqualTypeOf<ForesightErrorEnvelope>();
      expectTypeOf(result.envelope.error.type).toEqualTypeOf<
        | 'authentication_error'
        | 'permission_error'
        | 'validation_error'
        | 'not_found_error'
        | 'conflict_error'
        | 'rate_limit_error'
        | 'payer_error'
        | 'server_error'
      >();
      expectTypeOf(result.envelope.error.param).toEqualTypeOf<string | undefined>();
    } else {
      expectTypeOf(result.errors).toEqualTypeOf<Array<{ path: string; message: string }>>();
      // @ts-expect-error: there is no envelope on a failed result
      void result.envelope;
    }
  });

  it('validateError picks the envelope type named by the schema option', () => {
    const result = validateError('claimrev', {}, { schema: 'tokenError' });
    if (result.valid) expectTypeOf(result.envelope).toEqualTypeOf<ClaimrevTokenError>();
    // @ts-expect-error: CaseXchange has no tokenError envelope
    validateError('casexchange', {}, { schema: 'tokenError' });
  });

  it('rejects vendor ids that do not exist at compile time', () => {
    // @ts-expect-error: not a vendor
    validateError('acme', {});
  });

  it('the per-vendor guards narrow unknown input', () => {
    const body: unknown = JSON.parse('{}');
    if (isCasexchangeErrorEnvelope(body)) {
      expectTypeOf(body).toEqualTypeOf<CasexchangeErrorEnvelope>();
      expectTypeOf(body.error.code).toBeString();
      expectTypeOf(body.meta?.requestId).toEqualTypeOf<string | undefined>();
    }
    if (isClaimrevTokenError(body)) expectTypeOf(body.error).toBeString();
  });

  it("getVendor's catalog codes are the vendor's code union", () => {
    const entry = getVendor('casexchange').catalog[0];
    if (entry) expectTypeOf(entry.code).toEqualTypeOf<CasexchangeErrorCode>();
    expectTypeOf<CodeByVendor['casexchange']>().toEqualTypeOf<CasexchangeErrorCode>();
    expectTypeOf<'rate_limited'>().toExtend<CasexchangeErrorCode>();
    expectTypeOf<'rate_limit_exceeded'>().not.toExtend<CasexchangeErrorCode>();
  });
});

describe('fetch-shaped types', () => {
  it('accept the global fetch, Headers and Response', () => {
    expectTypeOf(fetch).toExtend<import('../../src/index.js').FetchFunction>();
    expectTypeOf<Headers>().toExtend<import('../../src/http-types.js').HeadersLike>();
    expectTypeOf<Response>().toExtend<import('../../src/http-types.js').FetchResponse>();
  });
});
