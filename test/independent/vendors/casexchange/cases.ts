/**
 * What CaseXchange's page promises, as cases this implementation is played against (see
 * `../../cases.ts`); each names the seeded bugs that change its answer.
 */
import type { DocumentedCase, RateLimitCase, RequestIdOn } from '../../cases.js';
import type { BugId } from './bugs.js';

export const cases: readonly DocumentedCase<BugId>[] = [
  {
    title: 'a revoked key is refused',
    call: { operation: 'getFirm', role: 'revoked' },
    expect: { status: 401, code: 'invalid_api_key' },
  },
  {
    title: 'a missing key is refused',
    call: { operation: 'getFirm', role: 'none' },
    expect: { status: 401, code: 'invalid_api_key' },
    bugs: ['casexchange.missing-key-400'],
  },
  {
    title: 'a read_only key cannot create a case',
    call: {
      operation: 'createCase',
      role: 'readOnly',
      json: { clientName: 'M. Ito', caseType: '{{facts.caseType}}' },
    },
    expect: { status: 403, code: 'insufficient_tier' },
  },
  {
    title: "another firm's case is off limits",
    call: { operation: 'getCase', params: { caseId: '{{facts.otherFirmCaseId}}' } },
    expect: { status: 403, code: 'permission_denied' },
    bugs: ['casexchange.uncatalogued-ownership-code'],
  },
  {
    title: 'a case without clientName is invalid',
    call: { operation: 'createCase', json: { caseType: '{{facts.caseType}}' } },
    expect: { status: 400, code: 'validation_error' },
  },
  {
    title: 'a case id that is not a UUID is invalid',
    call: { operation: 'getCase', params: { caseId: 'case-17' } },
    expect: { status: 400, code: 'validation_error' },
  },
  {
    title: 'a referral to a firm id that is not a UUID is invalid',
    call: {
      operation: 'createReferral',
      json: { caseId: '{{facts.caseId}}', targetFirmId: 'firm-9' },
    },
    expect: { status: 400, code: 'validation_error' },
    bugs: ['casexchange.malformed-uuid-404'],
  },
  {
    title: 'a pending referral cannot be re-referred',
    call: {
      operation: 'reReferReferral',
      params: { referralId: '{{facts.activeReferralId}}' },
      json: { targetFirmId: '{{facts.newReferralTargetFirmId}}' },
    },
    expect: { status: 400, code: 'invalid_state_transition' },
  },
  {
    title: 'a stale case id is not found',
    call: { operation: 'getCase', params: { caseId: '{{facts.unknownCaseId}}' } },
    expect: { status: 404, code: 'resource_not_found' },
  },
  {
    title: 'a second active referral to the same firm conflicts',
    call: {
      operation: 'createReferral',
      json: { caseId: '{{facts.caseId}}', targetFirmId: '{{facts.referralTargetFirmId}}' },
    },
    expect: { status: 409, code: 'conflict' },
  },
  {
    title: 'a key over its quota is limited, with the reset',
    before: [{ call: { operation: 'getFirm', role: 'rateLimited' }, times: 2 }],
    call: { operation: 'getFirm', role: 'rateLimited' },
    expect: { status: 429, code: 'rate_limited' },
    headers: ['x-ratelimit-reset'],
    bugs: ['casexchange.rate-limit-reset-as-retry-after', 'casexchange.rate-limit-without-reset'],
  },
  {
    title: 'the always-failing case is an internal error',
    call: { operation: 'getCase', params: { caseId: '{{facts.failingCaseId}}' } },
    expect: { status: 500, code: 'internal_error' },
    bugs: ['casexchange.internal-error-as-400'],
  },
  { title: 'the firm reads back', call: { operation: 'getFirm' }, expect: { status: 200 } },
];

/** Which error answers carry a request id here: its 4xx answers carry `meta.requestId`; its 5xx leave it out ("if present"). */
export const requestIdOn: RequestIdOn = 'client errors';

/** Its quota, played by the rate-limit tests. */
export const rateLimit: RateLimitCase = {
  operation: 'getFirm',
  header: 'x-ratelimit-reset',
  // X-RateLimit-Reset counts until the bucket is full, the next token comes sooner.
  early: { refillMs: 1000, advertised: '2', waitMs: 1100 },
};
