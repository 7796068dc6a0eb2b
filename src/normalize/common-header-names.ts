/**
 * Response header names common enough that readHeaders meets them on most errors, each already in
 * the form raw.headers keeps (lower case) and none a member of Object.prototype. Knowing a name is
 * one of these settles two of the three checks a kept name needs (lower case, not inherited) with
 * one set lookup; each vendor's rules take out its own credential headers, which settles the third.
 * test/normalize/headers-fast-path.test.ts checks the list's form and holds the paths equal.
 */
export const COMMON_HEADER_NAMES: readonly string[] = [
  'accept-ranges',
  'access-control-allow-origin',
  'age',
  'cache-control',
  'connection',
  'content-encoding',
  'content-language',
  'content-length',
  'content-type',
  'date',
  'etag',
  'expires',
  'keep-alive',
  'last-modified',
  'location',
  'ratelimit',
  'ratelimit-limit',
  'ratelimit-policy',
  'ratelimit-remaining',
  'ratelimit-reset',
  'request-id',
  'retry-after',
  'server',
  'strict-transport-security',
  'transfer-encoding',
  'vary',
  'via',
  'www-authenticate',
  'x-content-type-options',
  'x-correlation-id',
  'x-frame-options',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-request-id',
  'x-trace-id',
];
