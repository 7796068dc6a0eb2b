import type { DialectBCatch } from '../write.js';

/**
 * Which check catches each seeded bug of dialect B's CaseXchange (by the bug table of its reference):
 * check ids, or prefixes written with a trailing `*`; `uncaught` says why no sandbox check can, or
 * may, catch a bug.
 */
export const caughtBy: Record<string, DialectBCatch> = {
  'casexchange.missing-key-forbidden': { checks: ['code.invalid_api_key.missing_key'] },
  'casexchange.malformed-uuid-accepted': { checks: ['code.validation_error.malformed_uuid'] },
  'casexchange.malformed-date-server-error': { checks: ['code.validation_error.malformed_date'] },
  'casexchange.rate-limit-no-reset': { checks: ['sequence.rate_limit_wait'] },
  'casexchange.rate-limit-no-request-id': { checks: ['sequence.rate_limit_wait'] },
  'casexchange.read-only-write-permission-denied': { checks: ['code.insufficient_tier'] },
  'casexchange.revoked-key-accepted': { checks: ['code.invalid_api_key'] },
  'casexchange.state-transition-conflict': { checks: ['code.invalid_state_transition'] },
  'casexchange.duplicate-referral-accepted': { checks: ['code.conflict'] },
};
