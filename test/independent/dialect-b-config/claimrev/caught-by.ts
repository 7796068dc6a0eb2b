import type { DialectBCatch } from '../write.js';

/**
 * Which check catches each seeded bug of dialect B's ClaimRev (by the bug table of its reference):
 * check ids, or prefixes written with a trailing `*`; `uncaught` says why no sandbox check can, or
 * may, catch a bug.
 */
export const caughtBy: Record<string, DialectBCatch> = {
  'claimrev.malformed-token-accepted': { checks: ['status.401.3'] },
  'claimrev.other-environment-token-accepted': { checks: ['status.401.4'] },
  'claimrev.token-expires-in-not-an-hour': { checks: ['sequence.token_lifetime'] },
  'claimrev.expired-token-accepted': { checks: ['status.401.1'] },
  'claimrev.unbound-account-not-found': { checks: ['status.403.2'] },
  'claimrev.missing-permission-unauthorized': { checks: ['status.403.1'] },
  // The doc's words are "generally" and "usually": a reading, so no check may fail a 400 without it.
  'claimrev.validation-names-no-field': {
    checks: ['status.400.1'],
    uncaught:
      'a 400 body naming the field is what ClaimRev "generally" does, not a promise a check may hold it to',
  },
  'claimrev.wrong-secret-invalid-grant': { checks: ['code.invalid_client'] },
  'claimrev.wrong-scope-accepted': { checks: ['code.invalid_scope'] },
};
