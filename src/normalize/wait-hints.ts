import type { RateLimitPolicy } from '../generated/meta-types.js';
import type { HeaderLookup } from './headers.js';
import { parseRateLimitField, parseResetHeader } from './rate-limit-headers.js';
import { type Now, parseRetryAfter } from './retry-after.js';
import { TOO_MANY_REQUESTS } from './status.js';
import type { Problem, RateLimitInfo, RetryAfterSource } from './types.js';

export interface WaitHints {
  retryAfterMs: number | null;
  retryAfterSource: RetryAfterSource | null;
  rateLimit: RateLimitInfo;
}

/**
 * Works out how long the server asked the client to wait. Retry-After wins, as both RFC 9110 and
 * the RateLimit draft say; then the vendor's documented reset header; then the IETF `RateLimit`
 * field. The last two are only wait instructions on a rate-limited response: on any other
 * response (a 5xx with no requests left included) they merely describe the window. Unreadable or missing headers
 * are added to `problems`. The clock is read only for a value that needs it (an HTTP-date, a reset).
 */
export function readWaitHints(
  headers: HeaderLookup,
  policy: RateLimitPolicy,
  status: number,
  now: Now,
  problems: Problem[],
): WaitHints {
  let retryAfterMs: number | null = null;
  let retryAfterSource: RetryAfterSource | null = null;

  const retryAfter = headers.get('retry-after');
  if (retryAfter !== undefined) {
    const reading = parseRetryAfter(retryAfter, now);
    if (reading.ok) {
      retryAfterMs = reading.delayMs;
      retryAfterSource = 'retry-after';
    } else {
      problems.push({
        kind: 'invalid_retry_after',
        message: `Retry-After ignored: ${reading.reason}`,
        path: 'retry-after',
      });
    }
  }

  const rateLimit: RateLimitInfo = { remaining: null, resetMs: null, resetReading: null };
  const field = headers.get('ratelimit');
  if (field !== undefined) {
    const parsed = parseRateLimitField(field);
    rateLimit.remaining = parsed.remaining;
    if (parsed.resetSeconds !== null) rateLimit.resetMs = parsed.resetSeconds * 1000;
  }
  if (rateLimit.remaining === null) {
    const remaining = headers.get('x-ratelimit-remaining')?.trim();
    if (remaining !== undefined && /^\d{1,15}$/.test(remaining)) rateLimit.remaining = Number(remaining);
  }

  let resetSource: RetryAfterSource = 'ratelimit-field';
  const resetHeader = policy.resetHeader;
  // Lower-cased once per call: the name is looked up and, when missing or unreadable, reported.
  const resetName = resetHeader ? resetHeader.name.toLowerCase() : '';
  const resetValue = resetHeader ? headers.get(resetName) : undefined;
  if (resetHeader && resetValue !== undefined) {
    const reading = parseResetHeader(resetValue, now);
    if (reading.ok) {
      rateLimit.resetMs = reading.delayMs;
      rateLimit.resetReading = reading.reading;
      resetSource = 'reset-header';
      if (reading.reading !== resetHeader.unit) {
        problems.push({
          kind: 'rate_limit_reset_unit',
          message: `${resetHeader.name} read as ${reading.reading}, not the expected ${resetHeader.unit}, because of its size`,
          path: resetName,
        });
      }
    } else {
      problems.push({
        kind: 'invalid_rate_limit_reset',
        message: `${resetHeader.name} ignored: ${reading.reason}`,
        path: resetName,
      });
    }
  }

  // Only the rate-limit status turns a reset time into a wait: a 5xx that happens to say no
  // requests are left is a server failure, retried on its own schedule, not a 50 s sleep.
  const rateLimited = status === (policy.status ?? TOO_MANY_REQUESTS);
  if (retryAfterMs === null && rateLimited && rateLimit.resetMs !== null) {
    retryAfterMs = rateLimit.resetMs;
    retryAfterSource = resetSource;
  }

  if (policy.documented && status === policy.status) {
    if (policy.retryAfterHeader && retryAfter === undefined) {
      problems.push({
        kind: 'missing_rate_limit_header',
        message: 'a rate-limited response came without the documented Retry-After header',
        path: 'retry-after',
      });
    }
    if (resetHeader && resetValue === undefined) {
      problems.push({
        kind: 'missing_rate_limit_header',
        message: `a rate-limited response came without the documented ${resetHeader.name} header`,
        path: resetName,
      });
    }
  }
  return { retryAfterMs, retryAfterSource, rateLimit };
}
