import type { VendorBugs } from '../../bugs.js';

/**
 * CaseXchange's seeded one-rule bugs (the shape is in `../../bugs.ts`): each breaks one documented
 * promise and names the checks whose failure catches it.
 */
export const bugs = {
  'casexchange.rate-limit-without-reset': {
    rule: 'rate-limit header',
    breaks: 'A 429 comes without X-RateLimit-Reset.',
    caughtBy: ['code.rate_limited', 'sequence.rate_limit_wait'],
  },
  'casexchange.uncatalogued-ownership-code': {
    rule: 'code',
    breaks:
      "Another firm's case is refused with the uncatalogued code forbidden instead of permission_denied.",
    caughtBy: ['code.permission_denied'],
  },
  'casexchange.internal-error-as-400': {
    rule: 'server error status',
    breaks: 'The always-failing case answers its internal_error with 400.',
    caughtBy: ['code.internal_error'],
    needsOverride: { check: 'code.internal_error', seenAs: 'fail' },
  },
  'casexchange.rate-limit-reset-as-retry-after': {
    rule: '429 header name',
    breaks: 'A 429 advertises its wait in Retry-After instead of the documented X-RateLimit-Reset.',
    caughtBy: ['sequence.rate_limit_wait'],
    onlyCaughtThere: true,
  },
  'casexchange.missing-key-400': {
    rule: 'missing credential',
    breaks: 'A request without X-API-Key is answered 400 validation_error instead of 401 invalid_api_key.',
    caughtBy: ['code.invalid_api_key.missing_key'],
    onlyCaughtThere: true,
  },
  'casexchange.malformed-uuid-404': {
    rule: 'malformed body value',
    breaks: 'A referral whose targetFirmId is not a UUID is answered 404 instead of 400 validation_error.',
    caughtBy: ['code.validation_error.malformed_uuid'],
    onlyCaughtThere: true,
  },
} as const satisfies VendorBugs;

export type BugId = keyof typeof bugs;
