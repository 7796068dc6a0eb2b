import { describe, expectTypeOf, it } from 'vitest';
import type { CollateErrorCode } from '../../src/generated/collate/index.js';
import type { DenialbaseErrorCode } from '../../src/generated/denialbase/index.js';
import type { VendorPolicy } from '../../src/generated/meta-types.js';
import {
  type ApiKeyCredentials,
  type AuthSchemeByVendor,
  type BearerCredentials,
  type CredentialsFor,
  createClient,
  type ErrorCode,
  isVendorApiError,
  type NormalizedError,
  normalizeError,
  type OAuth2ClientCredentials,
  type SessionCookieCredentials,
  type UncataloguedCode,
  type VendorApiError,
  type VendorId,
} from '../../src/index.js';

const baseUrl = 'http://127.0.0.1:1';

describe('createClient credentials', () => {
  it("follow the authentication scheme each vendor's policy names, for every vendor", () => {
    // Written out here as the oracle: the credential members each scheme a policy may name needs.
    interface ExpectedCredentials {
      oauth2_client_credentials: OAuth2ClientCredentials;
      bearer: BearerCredentials;
      api_key: ApiKeyCredentials;
      session_cookie: SessionCookieCredentials;
    }
    expectTypeOf<keyof ExpectedCredentials>().toEqualTypeOf<VendorPolicy['authentication']['scheme']>();
    expectTypeOf<{ [V in VendorId]: CredentialsFor<V> }>().toEqualTypeOf<{
      [V in VendorId]: ExpectedCredentials[AuthSchemeByVendor[V]];
    }>();
  });

  it('accept the right shape for the vendor named', () => {
    createClient('collate', { baseUrl, credentials: { token: 't' } });
    createClient('foresight', { baseUrl, credentials: { apiKey: 'k' } });
    createClient('denialbase', { baseUrl, credentials: { cookie: 'c' } });
    createClient('claimrev', {
      baseUrl,
      credentials: { tokenUrl: baseUrl, clientId: 'id', clientSecret: 's' },
    });
  });

  it('reject another scheme’s credentials at compile time', () => {
    // @ts-expect-error: Collate takes a bearer token, not an API key
    createClient('collate', { baseUrl, credentials: { apiKey: 'k' } });
    // @ts-expect-error: Foresight takes an API key, not a cookie
    createClient('foresight', { baseUrl, credentials: { cookie: 'c' } });
    // @ts-expect-error: ClaimRev needs the client-credentials grant's members
    createClient('claimrev', { baseUrl, credentials: { token: 't' } });
  });

  it('accept any scheme when the vendor is only known at run time', () => {
    const vendor = 'collate' as 'collate' | 'casexchange';
    createClient(vendor, { baseUrl, credentials: { apiKey: 'k' } });
  });
});

describe('normalizeError code', () => {
  const error = normalizeError('collate', { status: 409 });

  it("is the vendor's code union when the catalog lists it, so a switch can be exhaustive", () => {
    expectTypeOf(error.vendor).toEqualTypeOf<'collate'>();
    if (error.documented) {
      expectTypeOf(error.code).toEqualTypeOf<CollateErrorCode>();
      const code = error.code;
      if (code !== 'version_conflict')
        expectTypeOf(code).toEqualTypeOf<Exclude<CollateErrorCode, 'version_conflict'>>();
    } else {
      expectTypeOf(error.code).toEqualTypeOf<UncataloguedCode | null>();
    }
  });

  it('still offers the catalogued codes for comparison before narrowing', () => {
    expectTypeOf(error.code).toEqualTypeOf<CollateErrorCode | UncataloguedCode | null>();
    expectTypeOf<NormalizedError<'denialbase'>['code']>().toEqualTypeOf<
      DenialbaseErrorCode | UncataloguedCode | null
    >();
  });

  it('exhausts a switch over every documented code, and says when one is missing', () => {
    function handled(error: NormalizedError<'collate'>): string {
      if (!error.documented) return 'escalate';
      const { code } = error;
      switch (code) {
        case 'version_conflict':
          return 'reload';
        case 'bad_request':
        case 'final_submission_policy_required':
        case 'unauthorized':
        case 'forbidden':
        case 'insufficient_permissions':
        case 'prior_authorization_not_found':
        case 'provider_not_found':
        case 'payer_not_found':
        case 'file_not_found':
        case 'access_grant_expired':
        case 'access_grant_revoked':
        case 'channel_session_lost':
        case 'unsupported_route':
        case 'provider_access_not_configured':
        case 'idempotency_key_reused':
        case 'prior_authorization_not_mutable':
        case 'prior_authorization_not_actionable':
        case 'prior_authorization_terminal':
        case 'next_action_required':
        case 'next_action_not_confirmable':
        case 'requirements_not_satisfied':
        case 'review_stale':
        case 'file_not_ready':
        case 'file_not_usable':
        case 'manual_handoff_not_allowed':
        case 'manual_handoff_not_active':
        case 'manual_handoff_already_closed':
        case 'manual_handoff_review_approval_required':
        case 'live_session_not_available':
        case 'interactive_grant_not_allowed':
        case 'payload_too_large':
        case 'request_validation_failed':
        case 'invalid_answers':
        case 'invalid_file_content':
        case 'workflow_backend_unavailable':
          return 'other';
        default: {
          const missed: never = code;
          return missed;
        }
      }
    }
    function forgetful(error: NormalizedError<'collate'>): string {
      if (!error.documented) return 'escalate';
      const { code } = error;
      switch (code) {
        case 'version_conflict':
          return 'reload';
        default: {
          // @ts-expect-error: the other Collate codes have no case
          const missed: never = code;
          return missed;
        }
      }
    }
    expectTypeOf(handled).returns.toBeString();
    expectTypeOf(forgetful).returns.toBeString();
  });
});

describe('VendorApiError', () => {
  it("exposes the vendor's own code beside the package's registered ERR_* code", () => {
    expectTypeOf<VendorApiError['code']>().toEqualTypeOf<ErrorCode>();
  });

  it("types vendorCode as one vendor's code union once the vendor is known", () => {
    expectTypeOf<VendorApiError<'denialbase'>['vendorCode']>().toEqualTypeOf<DenialbaseErrorCode | null>();
    expectTypeOf<VendorApiError<'denialbase'>['normalized']>().toEqualTypeOf<NormalizedError<'denialbase'>>();
    // Without a vendor, any vendor's catalogued code, but never free text.
    expectTypeOf<VendorApiError['vendorCode']>().not.toEqualTypeOf<string | null>();
  });

  it('narrows a caught error to a vendor with isVendorApiError, so a misspelt code does not compile', () => {
    const handle = (caught: unknown) => {
      if (!isVendorApiError(caught, 'denialbase')) return 'other';
      expectTypeOf(caught.vendor).toEqualTypeOf<'denialbase'>();
      expectTypeOf(caught.vendorCode).toEqualTypeOf<DenialbaseErrorCode | null>();
      if (caught.vendorCode === 'virus_detected') return 'quarantine';
      // @ts-expect-error: not one of Denialbase's codes
      if (caught.vendorCode === 'virus_detetced') return 'never';
      // @ts-expect-error: Collate's code, not Denialbase's
      if (caught.vendorCode === 'version_conflict') return 'never';
      return 'rethrow';
    };
    expectTypeOf(handle).returns.toBeString();
  });
});
