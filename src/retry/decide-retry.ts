import type { ClientAction, HttpMethod, RetryPolicy } from '../generated/meta-types.js';
import { rateLimitStatusOf } from '../http-status.js';
import { RETRY_ACTIONS } from '../normalize/classify.js';
import type { NormalizedError } from '../normalize/types.js';
import { vendorRules } from '../normalize/vendor-rules.js';
import type { VendorId } from '../vendors/registry.js';
import { checkDecideRetryOptions, MAX_TIMER_MS } from './retry-options.js';
import { type RandomSource, scheduledDelayMs } from './schedule.js';

/** Waits the client will not sit through: longer than this, a Retry-After ends in escalation. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 120_000;

export interface DecideRetryOptions {
  /** The number of the call that just failed: 1 for the first call, 2 for the first retry… */
  attempt: number;
  method: string;
  /**
   * The path of the call (a query string is ignored), so a write-method request the policy lists
   * as a read (ClaimRev's POST eligibility check) may be repeated like a safe method.
   */
  path?: string;
  /** The Idempotency-Key the failed call carried, if any. */
  idempotencyKey?: string | undefined;
  random?: RandomSource;
  /** A server-requested wait longer than this is not obeyed; 120 s by default. */
  maxRetryAfterMs?: number;
  /** Calls in total, the first included; the vendor's policy by default. Never raised above it. */
  maxAttempts?: number;
  /**
   * Fresh credentials were obtained after this call failed (a new token, a new session). Only
   * then may an error whose remedy is refresh_credentials be repeated, where the policy allows it.
   */
  credentialsRefreshed?: boolean;
}

export interface RetryDecision {
  retry: boolean;
  /** How long to wait before the next call; 0 when not retrying. */
  delayMs: number;
  /** What the caller does next: the retry action when retrying, otherwise the remedy. */
  action: ClientAction;
  reason: string;
}

function stop(action: ClientAction, reason: string): RetryDecision {
  return { retry: false, delayMs: 0, action, reason };
}

function isUsableWait(ms: number | null): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0;
}

function combine(mode: string, scheduled: number, serverMs: number | null): number {
  if (serverMs === null) return scheduled;
  switch (mode) {
    case 'floor':
      return Math.max(scheduled, serverMs);
    case 'replace':
      return serverMs;
    case 'cap':
      return Math.min(scheduled, serverMs);
    default:
      return scheduled;
  }
}

/** Whether the policy lists this write-method request as one that only reads. */
function readsOnly(retry: RetryPolicy, method: string, path: string | undefined): boolean {
  if (path === undefined) return false;
  const bare = path.split('?')[0] ?? path;
  return (retry.safeRequests ?? []).some(
    (request) => request.method === method && new RegExp(request.pathPattern).test(bare),
  );
}

/**
 * Decides whether to repeat a failed call and after how long, by the vendor's policy data:
 * whether the error is retryable, whether this method may be repeated (writes need an unchanged
 * Idempotency-Key where the vendor honours one, except a refused rate-limited write where the
 * policy allows it), whether attempts remain, and the schedule combined with any wait the server
 * asked for. A wait beyond `maxRetryAfterMs` is escalated instead of slept through.
 */
export function decideRetry(
  vendorId: VendorId,
  normalized: NormalizedError,
  options: DecideRetryOptions,
): RetryDecision {
  const random = checkDecideRetryOptions(options);
  const rules = vendorRules(vendorId);
  const { retry, idempotency, rateLimit } = rules.policy;
  const method = options.method.toUpperCase();
  const attempt = Math.max(1, Math.floor(options.attempt));

  const maxAttempts = Math.min(options.maxAttempts ?? retry.maxAttempts, retry.maxAttempts);
  const refreshed =
    normalized.action === 'refresh_credentials' &&
    options.credentialsRefreshed === true &&
    (rules.policy.authentication.refreshOn401 ?? 0) > 0;
  if (!normalized.retryable && !refreshed) {
    return stop(normalized.action, `${normalized.category} errors are not repeated unchanged`);
  }
  if (attempt >= maxAttempts) {
    return stop(retry.afterFinalFailure, `attempt ${attempt} of ${maxAttempts} failed; no attempts remain`);
  }
  if (refreshed) {
    // The request changed (new credentials), so it goes again at once whatever its method: a
    // refused authentication means the vendor did not act on it.
    return { retry: true, delayMs: 0, action: 'refresh_credentials', reason: 'credentials were refreshed' };
  }

  if (!retry.safeMethods.includes(method as HttpMethod) && !readsOnly(retry, method, options.path)) {
    const refusedRateLimited =
      retry.rateLimitedWritesRetry === true && normalized.status === rateLimitStatusOf(rateLimit);
    const keyHonoured =
      retry.unsafeMethods === 'with_idempotency_key' &&
      idempotency.supported &&
      (idempotency.methods ?? []).includes(method as HttpMethod) &&
      typeof options.idempotencyKey === 'string' &&
      options.idempotencyKey !== '';
    if (!refusedRateLimited && !keyHonoured) {
      return stop(
        'reread_and_reconcile',
        `${method} may have been applied and is not repeated without an idempotency key the vendor honours`,
      );
    }
  }

  const scheduled = scheduledDelayMs(retry, attempt, random);
  // A server wait that is not a finite, non-negative number (a caller's hand-built error) is absent.
  const serverMs =
    retry.retryAfter === 'ignore' || !isUsableWait(normalized.retryAfterMs) ? null : normalized.retryAfterMs;
  // No timer waits longer than MAX_TIMER_MS (Node turns a longer one into 1 ms), so neither may we.
  const ceiling = Math.min(options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS, MAX_TIMER_MS);
  if (serverMs !== null && serverMs > ceiling) {
    return stop(
      'escalate_to_support',
      `the server asked for ${serverMs} ms, beyond the ${ceiling} ms ceiling`,
    );
  }
  const delayMs = Math.round(combine(retry.retryAfter, scheduled, serverMs));
  const action = RETRY_ACTIONS.has(normalized.action) ? normalized.action : 'back_off_and_retry';
  const source =
    serverMs === null ? 'schedule' : `schedule and ${normalized.retryAfterSource} (${retry.retryAfter})`;
  return {
    retry: true,
    delayMs,
    action,
    reason: `retry ${attempt} of ${maxAttempts - 1}, wait from ${source}`,
  };
}
