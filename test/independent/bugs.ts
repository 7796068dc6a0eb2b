/**
 * Seeded one-rule bugs. Each breaks exactly one documented promise of one vendor and leaves every
 * other answer alone, so a conformance run against a vendor started with one of them must fail
 * exactly where that promise is checked. The `rule` says which kind of promise it breaks.
 * `needsMagicValue` marks a bug only a request carrying one of the vendor's magic values reaches
 * (a server-side failure); a sandbox run catches it only where it can send that value.
 */
export const BUGS = {
  'claimrev.unbound-account-404': {
    rule: 'status',
    breaks: 'A client not bound to the account gets 404 where the docs give 403.',
  },
  'claimrev.token-error-code-renamed': {
    rule: 'envelope member',
    breaks: 'Token endpoint errors name their code in `code` instead of the OAuth `error` member.',
  },
  'claimrev.missing-token-accepted': {
    rule: 'authentication',
    breaks: 'A request without a token is served instead of refused with 401.',
  },
  'claimrev.malformed-token-400': {
    rule: 'malformed credential',
    breaks: 'A bearer value that is not one token is answered 400 instead of 401.',
  },
  'claimrev.other-environment-token-accepted': {
    rule: 'credential environment',
    breaks: 'A token the production environment issued is served by the sandbox instead of refused with 401.',
  },
  'claimrev.token-lifetime-two-hours': {
    rule: 'token lifetime',
    breaks: 'The token answer gives expires_in 7200 where the docs give an hour.',
  },
  'collate.error-code-missing': {
    rule: 'envelope member',
    breaks: 'Error bodies carry no error.code (the code moves to error.type).',
  },
  'collate.review-stale-400': {
    rule: 'status',
    breaks: 'review_stale comes back with 400 instead of 409.',
  },
  'collate.replay-creates-duplicate': {
    rule: 'idempotency',
    breaks: 'A create repeated with its key and exact body makes a second authorization.',
  },
  'collate.request-id-missing': {
    rule: 'request id',
    breaks: 'Error bodies carry no requestId.',
  },
  'collate.validation-issues-empty': {
    rule: 'field issues',
    breaks: 'request_validation_failed and invalid_answers come with an empty issues list.',
  },
  'casexchange.rate-limit-without-reset': {
    rule: 'rate-limit header',
    breaks: 'A 429 comes without X-RateLimit-Reset.',
  },
  'casexchange.uncatalogued-ownership-code': {
    rule: 'code',
    breaks:
      "Another firm's case is refused with the uncatalogued code forbidden instead of permission_denied.",
  },
  'casexchange.internal-error-as-400': {
    rule: 'server error status',
    breaks: 'The always-failing case answers its internal_error with 400.',
    needsMagicValue: true,
  },
  'casexchange.rate-limit-reset-as-retry-after': {
    rule: '429 header name',
    breaks: 'A 429 advertises its wait in Retry-After instead of the documented X-RateLimit-Reset.',
  },
  'casexchange.missing-key-400': {
    rule: 'missing credential',
    breaks: 'A request without X-API-Key is answered 400 validation_error instead of 401 invalid_api_key.',
  },
  'casexchange.malformed-uuid-404': {
    rule: 'malformed body value',
    breaks: 'A referral whose targetFirmId is not a UUID is answered 404 instead of 400 validation_error.',
  },
  'foresight.rate-limit-without-retry-after': {
    rule: 'rate-limit header',
    breaks: 'A 429 comes without Retry-After.',
  },
  'foresight.expired-key-as-invalid': {
    rule: 'code',
    breaks: 'An expired key gets invalid_api_key instead of expired_api_key.',
  },
  'foresight.payer-unavailable-400': {
    rule: 'server error status',
    breaks: 'payer_unavailable comes back with 400 instead of a 5xx.',
    needsMagicValue: true,
  },
  'foresight.mismatched-key-replays': {
    rule: 'idempotency',
    breaks: 'A key reused with another body replays the original instead of idempotency_key_mismatched_body.',
  },
  'foresight.scope-as-401': {
    rule: 'scope status',
    breaks: 'A key that lacks the scope gets forbidden_scope with 401 instead of 403.',
  },
  'foresight.missing-field-param-absent': {
    rule: 'field parameter',
    breaks: 'missing_required_field comes without param naming the field.',
  },
  'denialbase.replay-creates-duplicate': {
    rule: 'idempotency',
    breaks: 'A create repeated with its Idempotency-Key makes a second denial.',
  },
  'denialbase.rate-limit-without-retry-after': {
    rule: 'rate-limit header',
    breaks: 'A 429 comes without Retry-After.',
  },
  'denialbase.two-factor-as-401': {
    rule: 'status and code',
    breaks: 'A session waiting for its second factor gets 401 not_authenticated instead of 402.',
  },
  'denialbase.request-id-missing': {
    rule: 'request id',
    breaks: 'Error bodies carry no request_id.',
  },
  'denialbase.validation-details-empty': {
    rule: 'field details',
    breaks: 'validation_failed comes without details.',
  },
  'denialbase.rate-limit-request-id-missing': {
    rule: '429 request id',
    breaks: 'Only the 429 comes without request_id.',
  },
} as const satisfies Record<string, { rule: string; breaks: string; needsMagicValue?: true }>;

export type BugId = keyof typeof BUGS;

export const BUG_IDS = Object.keys(BUGS) as BugId[];

/** The bugs an ordinary sandbox run reaches, without sending a magic value. */
export const BUGS_WITHOUT_MAGIC = BUG_IDS.filter((bug) => !('needsMagicValue' in BUGS[bug]));
