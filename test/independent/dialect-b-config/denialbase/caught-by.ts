import type { DialectBCatch } from '../write.js';

/**
 * Which check catches each seeded bug of dialect B's Denialbase (by the bug table of its reference):
 * check ids, or prefixes written with a trailing `*`; `uncaught` says why no sandbox check can, or
 * may, catch a bug.
 */
export const caughtBy: Record<string, DialectBCatch> = {
  'denialbase.validation-empty-details': { checks: ['code.validation_failed'] },
  'denialbase.rate-limit-no-retry-after': { checks: ['sequence.rate_limit_wait'] },
  'denialbase.rate-limit-no-request-id': { checks: ['sequence.rate_limit_wait'] },
  'denialbase.two-factor-unauthorized': { checks: ['code.two_factor_required'] },
  'denialbase.retry-processed-again': { checks: ['sequence.idempotency_replay'] },
  'denialbase.file-too-large-unprocessable': { checks: ['code.file_too_large'] },
  'denialbase.signed-out-session-accepted': { checks: ['code.not_authenticated.signed_out'] },
  'denialbase.stale-update-overwrites': { checks: ['code.conflict'] },
  'denialbase.virus-accepted': { checks: ['code.virus_detected'] },
};
