import type { DialectBCatch } from '../write.js';

/**
 * Which check catches each seeded bug of dialect B's Collate (by the bug table of its reference):
 * check ids, or prefixes written with a trailing `*`; `uncaught` says why no sandbox check can, or
 * may, catch a bug.
 */
export const caughtBy: Record<string, DialectBCatch> = {
  'collate.validation-without-issues': { checks: ['code.request_validation_failed'] },
  'collate.invalid-answers-without-issues': { checks: ['code.invalid_answers'] },
  'collate.envelope-without-request-id': { checks: ['code.*'] },
  'collate.review-stale-as-400': { checks: ['code.review_stale'] },
  'collate.replay-creates-second-authorization': { checks: ['sequence.idempotency_replay'] },
  'collate.malformed-if-match-ignored': { checks: ['code.bad_request'] },
  'collate.terminal-as-not-mutable': { checks: ['code.prior_authorization_terminal'] },
  'collate.read-only-key-unauthorized': { checks: ['code.insufficient_permissions'] },
  'collate.payload-too-large-as-400': { checks: ['code.payload_too_large'] },
  'collate.backend-unavailable-as-500': { checks: ['code.workflow_backend_unavailable'] },
  'collate.envelope-without-retryable': { checks: ['code.*'] },
};
