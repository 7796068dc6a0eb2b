import type { VendorBugs } from '../../bugs.js';

/**
 * Foresight's seeded one-rule bugs (the shape is in `../../bugs.ts`): each breaks one documented
 * promise and names the checks whose failure catches it.
 */
export const bugs = {
  'foresight.rate-limit-without-retry-after': {
    rule: 'rate-limit header',
    breaks: 'A 429 comes without Retry-After.',
    caughtBy: ['code.rate_limit_exceeded', 'sequence.rate_limit_wait'],
  },
  'foresight.expired-key-as-invalid': {
    rule: 'code',
    breaks: 'An expired key gets invalid_api_key instead of expired_api_key.',
    caughtBy: ['code.expired_api_key'],
  },
  'foresight.payer-unavailable-400': {
    rule: 'server error status',
    breaks: 'payer_unavailable comes back with 400 instead of a 5xx.',
    caughtBy: ['code.payer_unavailable'],
    needsOverride: { check: 'code.payer_unavailable', seenAs: 'drift' },
  },
  'foresight.mismatched-key-replays': {
    rule: 'idempotency',
    breaks: 'A key reused with another body replays the original instead of idempotency_key_mismatched_body.',
    caughtBy: ['code.idempotency_key_mismatched_body', 'sequence.idempotency_mismatch'],
  },
  'foresight.scope-as-401': {
    rule: 'scope status',
    breaks: 'A key that lacks the scope gets forbidden_scope with 401 instead of 403.',
    caughtBy: ['code.forbidden_scope'],
    onlyCaughtThere: true,
  },
  'foresight.missing-field-param-absent': {
    rule: 'field parameter',
    breaks: 'missing_required_field comes without param naming the field.',
    caughtBy: ['code.missing_required_field'],
    onlyCaughtThere: true,
  },
} as const satisfies VendorBugs;

export type BugId = keyof typeof bugs;
