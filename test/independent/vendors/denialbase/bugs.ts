import type { VendorBugs } from '../../bugs.js';

/**
 * Denialbase's seeded one-rule bugs (the shape is in `../../bugs.ts`): each breaks one documented
 * promise and names the checks whose failure catches it.
 */
export const bugs = {
  'denialbase.replay-creates-duplicate': {
    rule: 'idempotency',
    breaks: 'A create repeated with its Idempotency-Key makes a second denial.',
    caughtBy: ['sequence.idempotency_replay'],
  },
  'denialbase.rate-limit-without-retry-after': {
    rule: 'rate-limit header',
    breaks: 'A 429 comes without Retry-After.',
    caughtBy: ['code.rate_limited', 'sequence.rate_limit_wait'],
  },
  'denialbase.two-factor-as-401': {
    rule: 'status and code',
    breaks: 'A session waiting for its second factor gets 401 not_authenticated instead of 402.',
    caughtBy: ['code.two_factor_required'],
  },
  'denialbase.request-id-missing': {
    rule: 'request id',
    breaks: 'Error bodies carry no request_id.',
    caughtBy: ['code.*'],
  },
  'denialbase.validation-details-empty': {
    rule: 'field details',
    breaks: 'validation_failed comes without details.',
    caughtBy: ['code.validation_failed'],
    onlyCaughtThere: true,
  },
  'denialbase.rate-limit-request-id-missing': {
    rule: '429 request id',
    breaks: 'Only the 429 comes without request_id.',
    caughtBy: ['sequence.rate_limit_wait'],
    onlyCaughtThere: true,
  },
} as const satisfies VendorBugs;

export type BugId = keyof typeof bugs;
