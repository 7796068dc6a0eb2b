import type { SeededBug } from '../kit/bugs.js';

export const bugs = [
  {
    id: 'claimrev.malformed-token-accepted',
    vendor: 'claimrev',
    rule: 'Unauthorized — token is missing, malformed, expired, or for the wrong environment.',
    breaks: 'A bearer value that is not a token at all is taken as the main client instead of answering 401.',
  },
  {
    id: 'claimrev.other-environment-token-accepted',
    vendor: 'claimrev',
    rule: 'Token from the wrong environment (test token against prod API or vice versa)',
    breaks: 'A token the production tenant issued authenticates against the sandbox API instead of 401.',
  },
  {
    id: 'claimrev.token-expires-in-not-an-hour',
    vendor: 'claimrev',
    rule: 'Token expired (request a new one — they live for an hour)',
    breaks: 'The token answer says expires_in 86400; the token itself still lives an hour.',
  },
  {
    id: 'claimrev.expired-token-accepted',
    vendor: 'claimrev',
    rule: 'Token expired (request a new one — they live for an hour)',
    breaks: 'A token past its hour still authenticates instead of answering 401.',
  },
  {
    id: 'claimrev.unbound-account-not-found',
    vendor: 'claimrev',
    rule: "Your client id isn't bound to the account number you're targeting",
    breaks: 'Targeting an account the client is not bound to answers 404 instead of 403.',
  },
  {
    id: 'claimrev.missing-permission-unauthorized',
    vendor: 'claimrev',
    rule: "The endpoint requires a permission your client hasn't been granted",
    breaks: 'A client without the permission an endpoint needs gets 401 instead of 403.',
  },
  {
    id: 'claimrev.validation-names-no-field',
    vendor: 'claimrev',
    rule: 'Validation failures generally return 400 with a payload that names the failing field',
    breaks: 'The 400 for a failed validation carries only a title, without the failing field.',
  },
  {
    id: 'claimrev.wrong-secret-invalid-grant',
    vendor: 'claimrev',
    rule: 'invalid_client — wrong client_id or client_secret',
    breaks: 'A wrong client secret is answered with invalid_grant (400) instead of invalid_client.',
  },
  {
    id: 'claimrev.wrong-scope-accepted',
    vendor: 'claimrev',
    rule: "invalid_scope — the scope parameter doesn't match the environment's expected scope",
    breaks: 'A scope of the other environment gets a token instead of invalid_scope.',
  },
] as const satisfies readonly SeededBug[];

export type ClaimRevBugId = (typeof bugs)[number]['id'];
