import { serverWaitWindow, within } from '../client-check/windows.js';
import { MatcherUsageError, UnknownVendorError } from '../errors.js';
import type { HttpMethod } from '../generated/meta-types.js';
import { normalizeError } from '../normalize/normalize-error.js';
import type { HeadersInput } from '../normalize/types.js';
import { formatDuration } from '../report/format.js';
import { decideRetry } from '../retry/decide-retry.js';
import { scheduledWindowMs } from '../retry/schedule.js';
import { plural } from '../text/plural.js';
import { getVendor, isVendorId, vendorIds } from '../vendors/registry.js';
import type { MatcherOutcome } from './outcome.js';

/** One call of a request as a test recorded it: when it was sent and what came back. */
export interface RecordedAttempt {
  /** When the call was sent, in milliseconds on any one clock (Date.now, a fake timer, a virtual clock). */
  at: number;
  status: number;
  headers?: HeadersInput;
  body?: unknown;
  /** The Idempotency-Key the call carried, if any. */
  idempotencyKey?: string;
  /** New credentials (token, session) were obtained after this call failed and before the next. */
  credentialsRefreshed?: boolean;
}

/** The HTTP methods the policies speak of, in either case ('POST' or 'post'). */
export type RetryPolicyMethod = HttpMethod | Lowercase<HttpMethod>;

const METHODS: readonly string[] = [
  'GET',
  'HEAD',
  'OPTIONS',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
] satisfies HttpMethod[];

export interface RetryPolicyOptions {
  /** The request's method; GET by default. Writes may be repeated only as the vendor allows. */
  method?: RetryPolicyMethod;
}

const isSuccess = (status: number) => status >= 200 && status <= 299;

/**
 * The recorded calls of one request follow the vendor's documented retry rules: a call is repeated
 * only after a response the policy says to repeat (retryable, attempts left, a write only with
 * the Idempotency-Key the vendor honours), each wait falls in the window the schedule or the
 * server's Retry-After allows, nothing is sent after a success, and the calls never exceed the
 * policy's maximum. Giving up early is allowed: the docs permit retries, they do not demand them.
 */
export function retryPolicyOutcome(
  received: unknown,
  vendorId: unknown,
  options: RetryPolicyOptions = {},
): MatcherOutcome {
  if (!isVendorId(vendorId)) throw new UnknownVendorError(vendorId, vendorIds);
  if (!Array.isArray(received)) {
    throw new MatcherUsageError(
      'toFollowRetryPolicy: expected an array of recorded attempts ({ at, status, ... }).',
    );
  }
  const attempts = received as RecordedAttempt[];
  const vendor = getVendor(vendorId);
  const { retry } = vendor.policy;
  const method = String(options.method ?? 'GET').toUpperCase();
  // From JavaScript, or past a cast, any text can arrive; a test that names no method is wrong.
  if (!METHODS.includes(method)) {
    throw new MatcherUsageError(
      `toFollowRetryPolicy: ${JSON.stringify(options.method)} is not an HTTP method (${METHODS.join(', ')}).`,
    );
  }
  const wrong: string[] = [];
  if (attempts.length === 0) wrong.push('no attempt was recorded');
  if (attempts.length > retry.maxAttempts) {
    wrong.push(`${plural(attempts.length, 'call')} made; ${vendor.name} allows at most ${retry.maxAttempts}`);
  }

  const maxRefreshes = vendor.policy.authentication.refreshOn401 ?? 0;
  const safeMethod = retry.safeMethods.includes(method as (typeof retry.safeMethods)[number]);
  // Refreshes since the last call that was not a refused authentication: a 401 right after a
  // refresh means the new credentials failed too, and the policy caps refreshes per 401.
  let refreshesInRow = 0;
  attempts.slice(0, -1).forEach((attempt, index) => {
    const number = index + 1;
    const next = attempts[index + 1] as RecordedAttempt;
    const label = `call ${number + 1}`;
    if (isSuccess(attempt.status)) {
      wrong.push(`${label} repeated a request that had succeeded (call ${number}: ${attempt.status})`);
      return;
    }
    const normalized = normalizeError(vendorId, attempt);
    const decision = decideRetry(vendorId, normalized, {
      attempt: number,
      method,
      idempotencyKey: attempt.idempotencyKey,
      credentialsRefreshed: attempt.credentialsRefreshed === true,
      random: () => 0,
    });
    const after = `a ${attempt.status}${normalized.code === null ? '' : ` ${normalized.code}`}`;
    if (!decision.retry) {
      wrong.push(
        `${label} repeated the request after ${after}, which ${vendor.name} says not to repeat: ${decision.reason}`,
      );
      return;
    }
    if (decision.action === 'refresh_credentials') {
      // Sent again at once with new credentials.
      refreshesInRow++;
      if (refreshesInRow > maxRefreshes) {
        wrong.push(
          `${label} refreshed the credentials again after a 401 that followed a refresh; ${vendor.name} allows ${plural(maxRefreshes, 'refresh', 'refreshes')} per 401`,
        );
      }
      return;
    }
    refreshesInRow = 0;
    if (attempt.idempotencyKey !== undefined && next.idempotencyKey !== attempt.idempotencyKey) {
      if (next.idempotencyKey !== undefined) {
        wrong.push(`${label} changed the Idempotency-Key; a retry must carry the same one`);
      } else if (!safeMethod) {
        // The key is what let the write be repeated: without it the vendor may apply it twice.
        wrong.push(
          `${label} dropped the Idempotency-Key call ${number} carried; a retry must carry the same one`,
        );
      }
    }
    const window =
      normalized.retryAfterMs === null || retry.retryAfter === 'ignore'
        ? scheduledWindowMs(retry, number)
        : serverWaitWindow(retry, normalized.retryAfterMs, number);
    const waited = next.at - attempt.at;
    if (!within(waited, window)) {
      const source =
        normalized.retryAfterMs === null ? 'the schedule' : `the schedule and ${normalized.retryAfterSource}`;
      const allowed =
        window.min === window.max
          ? `exactly ${formatDuration(window.min)}`
          : `${formatDuration(window.min)} to ${formatDuration(window.max)}`;
      wrong.push(
        `${label} came ${formatDuration(waited)} after call ${number} (${after}); ${source} allow${normalized.retryAfterMs === null ? 's' : ''} ${allowed}`,
      );
    }
  });

  const summary = attempts.map((attempt) => attempt.status).join(' → ');
  return {
    pass: wrong.length === 0,
    message: (isNot) =>
      isNot
        ? `expected the calls (${summary}) not to follow ${vendor.name}'s retry policy, but they do`
        : `expected the calls (${summary}) to follow ${vendor.name}'s retry policy, but:\n${wrong.map((line) => `  - ${line}`).join('\n')}`,
    actual: attempts.map((attempt) => ({ at: attempt.at, status: attempt.status })),
  };
}
