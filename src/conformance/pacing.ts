import { ErrorContractsError } from '../errors.js';
import { rateLimitStatusOf } from '../http-status.js';
import { normalizeError } from '../normalize/normalize-error.js';
import type { Problem } from '../normalize/types.js';
import { readWaitHints } from '../normalize/wait-hints.js';
import type { ChecklistPathId } from '../report/paths.js';
import { exchange, type HttpSend } from '../scenarios/runner.js';
import { getVendor, type VendorId } from '../vendors/registry.js';
import { type ConformanceTarget, DEFAULT_LIMITS } from './types.js';

/** Resends of one request after 429s before a check gives up on it; each waits what was advertised. */
const MAX_RESENDS = 3;

/**
 * A check that met the vendor's rate limit and would have to wait longer than the run allows (or
 * kept meeting it): its own subject is not verified, which is not the vendor's failure.
 */
export class RateLimitedBeyondWaitError extends ErrorContractsError {
  constructor(message: string) {
    super('ERR_RATE_LIMIT_WAIT', message);
    this.name = 'RateLimitedBeyondWaitError';
  }
}

/** One wait a check sat through for the vendor's rate limit, and why. */
export interface PacingWait {
  ms: number;
  label: string;
  /** The request was sent again after it (a 429); otherwise it was held before its first send. */
  resend: boolean;
}

export interface PacingOptions {
  vendorId: VendorId;
  target: ConformanceTarget;
  /** The row of the check sending: a check about rate limits provokes them, so it is not paced. */
  path: ChecklistPathId;
  /**
   * How the wait is let pass and recorded (a sequence's recorder, or the target plus a note);
   * `resend` is true where the request is sent again after it (a 429), false where it is held.
   */
  wait(ms: number, label: string, resend: boolean): Promise<void>;
  /** How requests go out underneath; the target's send or a plain exchange when absent. */
  send?: HttpSend;
}

/** When each principal may next send, per target and vendor: a quota spans checks. */
const nextAllowed = new WeakMap<ConformanceTarget, Map<string, number>>();

/**
 * A send that keeps to the vendor's documented rate limit. Where the vendor documents one, a 429 to
 * a check that is not about rate limits is the limit working as documented, not the check's
 * subject: the advertised wait (Retry-After, the reset header, as the normalizer reads them) is let
 * pass on the target's clock, within --max-wait, and the request is sent again. An answer that says
 * no requests are left (X-RateLimit-Remaining: 0, the RateLimit field) holds the same principal's
 * next request until the window resets. A 429 that advertises no wait is returned as it is, for the
 * check to judge; one that asks for more than the run allows ends the check as not verified.
 */
export function pacedSend(options: PacingOptions): HttpSend {
  const base = options.send ?? exchange;
  const { policy } = getVendor(options.vendorId);
  if (!policy.rateLimit.documented || options.path === 'rate_limit') return base;
  const limitStatus = rateLimitStatusOf(policy.rateLimit);
  const authHeader = policy.authentication.header.toLowerCase();
  const maxWaitMs = (options.target.limits ?? DEFAULT_LIMITS).maxWaitMs;
  let schedule = nextAllowed.get(options.target);
  if (!schedule) {
    schedule = new Map();
    nextAllowed.set(options.target, schedule);
  }
  const windows = schedule;

  return async (url, method, headers, body) => {
    const principal = `${options.vendorId} ${headers[authHeader] ?? ''}`;
    const line = `${method} ${new URL(url).pathname}`;
    for (let resend = 0; ; resend++) {
      const heldMs = (windows.get(principal) ?? 0) - options.target.now();
      if (heldMs > 0 && heldMs <= maxWaitMs)
        await options.wait(heldMs, `the quota's window resets before ${line} (no requests were left)`, false);
      const answer = await base(url, method, headers, body);
      const nowMs = options.target.now();
      const left = windowOf(answer.headers, policy.rateLimit, answer.status, nowMs);
      if (left !== null) windows.set(principal, nowMs + left);
      if (answer.status !== limitStatus) return answer;
      const normalized = normalizeError(options.vendorId, answer, { now: () => nowMs });
      const advertised = normalized.retryAfterMs;
      if (advertised === null) return answer;
      const source = normalized.retryAfterSource ?? 'the advertised wait';
      if (advertised > maxWaitMs)
        throw new RateLimitedBeyondWaitError(
          `${line} met the documented rate limit, which asks for ${Math.ceil(advertised / 1000)} s (${source}), above the ${Math.round(maxWaitMs / 1000)} s ceiling (--max-wait).`,
        );
      if (resend >= MAX_RESENDS)
        throw new RateLimitedBeyondWaitError(
          `${line} met the documented rate limit ${resend + 1} times in a row, each wait honoured.`,
        );
      await options.wait(advertised, `${source}: a ${limitStatus} to ${line}, then sent again`, true);
    }
  };
}

/**
 * How long until the principal may send again, when the answer says no requests are left; null
 * when it does not say so.
 */
function windowOf(
  headers: Record<string, string>,
  policy: ReturnType<typeof getVendor>['policy']['rateLimit'],
  status: number,
  nowMs: number,
): number | null {
  const problems: Problem[] = [];
  const lowerCased = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const { rateLimit } = readWaitHints(lowerCased, policy, status, nowMs, problems);
  return rateLimit.remaining === 0 && rateLimit.resetMs !== null ? rateLimit.resetMs : null;
}
