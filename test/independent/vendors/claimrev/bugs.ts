import type { VendorBugs } from '../../bugs.js';

/**
 * ClaimRev's seeded one-rule bugs (the shape is in `../../bugs.ts`): each breaks one documented
 * promise and names the checks whose failure catches it.
 */
export const bugs = {
  'claimrev.unbound-account-404': {
    rule: 'status',
    breaks: 'A client not bound to the account gets 404 where the docs give 403.',
    caughtBy: ['status.403.*'],
  },
  'claimrev.token-error-code-renamed': {
    rule: 'envelope member',
    breaks: 'Token endpoint errors name their code in `code` instead of the OAuth `error` member.',
    caughtBy: ['code.invalid_client', 'code.invalid_scope', 'code.invalid_grant'],
  },
  'claimrev.missing-token-accepted': {
    rule: 'authentication',
    breaks: 'A request without a token is served instead of refused with 401.',
    caughtBy: ['status.401.*'],
  },
  'claimrev.malformed-token-400': {
    rule: 'malformed credential',
    breaks: 'A bearer value that is not one token is answered 400 instead of 401.',
    caughtBy: ['status.401.3'],
    onlyCaughtThere: true,
  },
  'claimrev.other-environment-token-accepted': {
    rule: 'credential environment',
    breaks: 'A token the production environment issued is served by the sandbox instead of refused with 401.',
    caughtBy: ['status.401.4'],
    onlyCaughtThere: true,
  },
  'claimrev.token-lifetime-two-hours': {
    rule: 'token lifetime',
    breaks: 'The token answer gives expires_in 7200 where the docs give an hour.',
    caughtBy: ['sequence.token_lifetime'],
    onlyCaughtThere: true,
  },
} as const satisfies VendorBugs;

export type BugId = keyof typeof bugs;
