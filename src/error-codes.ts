/**
 * Every `code` an ErrorContractsError can carry, with what it means. The one registry: a test keeps
 * it, the code that throws and docs/errors.md in step, so a caller can branch on `error.code`
 * knowing the list is complete.
 */
export const ERROR_CODES = {
  ERR_UNKNOWN_VENDOR: 'A vendor id that is not one of the package’s vendors.',
  ERR_UNKNOWN_ENVELOPE: 'An envelope name the vendor does not define (validateError’s schema option).',
  ERR_INVALID_OPTION: 'An option has the wrong type, or a number that is NaN or infinite.',
  ERR_MATCHER_USAGE: 'An error-contracts/vitest matcher was called with arguments it cannot judge.',
  ERR_INVALID_ARGUMENT: 'An argument to a simulator or test-time helper is out of its range.',
  ERR_INPUT_TOO_LARGE: 'A file or standard input is larger than the command accepts.',
  ERR_USAGE: 'A CLI command was called wrongly; the message names the flag or argument to fix.',
  ERR_RUN_CONFIG: 'A run could not be set up as configured; the message names what fixes it.',
  ERR_MISSING_FACT: 'A scenario names a fact the deployment gives no value for; the message names it.',
  ERR_UNKNOWN_OPERATION: 'A scenario names an operation the vendor’s vocabulary does not declare.',
  ERR_BODY_DERIVATION:
    'A provoking body cannot be derived from the operation’s example (a field to remove or change is not in it).',
  ERR_PREFLIGHT_UNREACHABLE: 'A sandbox vendor’s base URL did not answer before any check ran.',
  ERR_PREFLIGHT_CREDENTIAL: 'A sandbox vendor refused the valid credential before any check ran.',
  ERR_PREFLIGHT_NOT_FOUND:
    'A sandbox vendor’s safe read or token endpoint answered a 4xx other than 401/403 before any check ran: a wrong base URL or path.',
  ERR_PREFLIGHT_UNHEALTHY:
    'A sandbox vendor answered 5xx to its safe read or token request before any check ran.',
  ERR_INVALID_RUN_RESULT: 'A run result does not match the run-result schema, so no report was written.',
  ERR_INVALID_CREDENTIALS: 'The client’s credentials lack a member their authentication scheme needs.',
  ERR_SANDBOX_CONFIG: 'A Pact sandbox verification setting cannot be used; the message names the variable.',
  ERR_TOKEN_RESPONSE: 'A token endpoint answered 2xx without an access_token.',
  ERR_TOKEN_REFUSED: 'The conformance runner could not obtain a token for a test credential.',
  ERR_NO_TEST_CREDENTIAL: 'A scenario needs a credential role the vendor’s test credentials lack.',
  ERR_VENDOR_API: 'The base code of the client’s VendorApiError; only its subclasses are thrown.',
  ERR_VENDOR_AUTHENTICATION: 'Credentials missing, wrong or expired, after any refresh the vendor allows.',
  ERR_VENDOR_SECOND_FACTOR: 'The vendor wants a second sign-in factor completed first.',
  ERR_VENDOR_PERMISSION: 'Authenticated, but not allowed to do this or to touch this resource.',
  ERR_VENDOR_VALIDATION: 'The request itself must change; normalized.fieldErrors says where.',
  ERR_VENDOR_NOT_FOUND: 'The resource does not exist (or no longer does).',
  ERR_VENDOR_CONFLICT: 'The resource’s state or version changed; re-read and reconcile.',
  ERR_VENDOR_IDEMPOTENCY: 'The Idempotency-Key was refused (in use, or reused for another body).',
  ERR_VENDOR_PAYLOAD: 'The request body is larger than the vendor accepts.',
  ERR_VENDOR_RATE_LIMIT:
    'Rate limited, with a wait beyond what the client may sit through or no attempts left.',
  ERR_VENDOR_UPSTREAM: 'A system behind the vendor (a payer, a portal session) failed.',
  ERR_VENDOR_SERVER: 'The vendor failed, and retries (where allowed) did not help.',
  ERR_VENDOR_UNCLASSIFIED: 'A response the normalizer could not place in any category.',
  ERR_VENDOR_REDIRECT: 'The vendor answered with a redirect, which the client never follows.',
  ERR_VENDOR_TRANSPORT: 'No response arrived at all: a refused connection, a reset, a timeout.',
  ERR_UNCATALOGUED_CODE: 'A simulator fault names a code that is not in the vendor’s catalog.',
  ERR_INAPPLICABLE_DRIFT: 'A drift variant was asked of a vendor whose documentation it cannot break.',
  ERR_VIRTUAL_TIME_LIMIT: 'A client under checkClient kept waiting past the virtual-time budget.',
  ERR_INVALID_CLIENT: 'checkClient was given something other than a client factory function.',
  ERR_CLIENT_CHECK_AUTH: 'checkClient could not authenticate against the simulator.',
  ERR_PACT_MISSING: 'A Pact contract file the command needs is missing or unreadable.',
  ERR_PACT_CONSUMER: 'A Pact consumer test found the client reading something the contract does not promise.',
  ERR_REPLAY_MISMATCH: 'A replayed check sent a request its cassette never recorded.',
  ERR_BUILD_MISSING: 'A built file the command needs (dist/) is missing; rebuild the package.',
  ERR_RATE_LIMIT_WAIT:
    'A check met the vendor’s documented rate limit and would have to wait past --max-wait; it is not verified.',
  ERR_CHECK_FAILED: 'A conformance check failed inside a vitest suite; the message lists its failures.',
  ERR_INTERNAL: 'An invariant of the package itself broke; please report it with the message.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
