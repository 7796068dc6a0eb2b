import { describe, expectTypeOf, it } from 'vitest';
import {
  type CasexchangeErrorCode,
  type CasexchangeErrorEnvelope,
  isCasexchangeErrorEnvelope,
} from '../../src/generated/casexchange/index.js';
import { type ClaimrevTokenError, isClaimrevTokenError } from '../../src/generated/claimrev/index.js';
import type { ForesightErrorEnvelope } from '../../src/generated/foresight/index.js';
import {
  type AuthSchemeByVendor,
  type CodeByVendor,
  type EnvelopeByVendor,
  type EnvelopeTypes,
  getVendor,
  type VendorId,
  validateError,
  type vendorIds,
} from '../../src/index.js';

describe('public types', () => {
  it('vendorIds is a tuple of literal ids, and every per-vendor type map is keyed by exactly them', () => {
    expectTypeOf<string>().not.toExtend<VendorId>();
    expectTypeOf<(typeof vendorIds)['length']>().not.toEqualTypeOf<number>();
    expectTypeOf<(typeof vendorIds)[number]>().toEqualTypeOf<VendorId>();
    expectTypeOf<keyof CodeByVendor>().toEqualTypeOf<VendorId>();
    expectTypeOf<keyof EnvelopeByVendor>().toEqualTypeOf<VendorId>();
    expectTypeOf<keyof EnvelopeTypes>().toEqualTypeOf<VendorId>();
    expectTypeOf<keyof AuthSchemeByVendor>().toEqualTypeOf<VendorId>();
  });

  it("every vendor's code type is a union of string literals, never plain string", () => {
    expectTypeOf<string>().not.toExtend<CodeByVendor[VendorId]>();
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
