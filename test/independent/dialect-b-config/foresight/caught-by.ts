import type { DialectBCatch } from '../write.js';

/**
 * Which check catches each seeded bug of dialect B's Foresight (by the bug table of its reference):
 * check ids, or prefixes written with a trailing `*`; `uncaught` says why no sandbox check can, or
 * may, catch a bug.
 */
export const caughtBy: Record<string, DialectBCatch> = {
  'foresight.missing-field-no-param': { checks: ['code.missing_required_field'] },
  'foresight.forbidden-scope-unauthorized': { checks: ['code.forbidden_scope'] },
  'foresight.rate-limit-no-retry-after': { checks: ['sequence.rate_limit_wait'] },
  'foresight.rate-limit-no-request-id': { checks: ['sequence.rate_limit_wait'] },
  'foresight.expired-key-invalid': { checks: ['code.expired_api_key'] },
  // Its checks come late in the run, past the key's quota: judged once a 429 is waited out.
  'foresight.mismatched-body-replayed': {
    checks: ['code.idempotency_key_mismatched_body', 'sequence.idempotency_mismatch'],
  },
  'foresight.in-flight-key-processed': {
    checks: ['code.idempotency_key_in_use'],
    uncaught:
      'holding a write in flight needs the simulator; a sandbox run skips code.idempotency_key_in_use',
  },
  'foresight.deleted-as-not-found': { checks: ['code.resource_deleted'] },
  'foresight.fractional-cents-type-error': { checks: ['code.invalid_currency_amount'] },
};
