import type { ClientContext, ClientFactory } from '../../../src/client-check/types.js';
import type { FetchFunction, FetchRequestInit } from '../../../src/http-types.js';
import { type ClientOptions, getVendor, type VendorId } from '../../../src/index.js';
import { scheduledWindowMs } from '../../../src/retry/schedule.js';
import { referenceClient } from './reference.js';

/**
 * One broken client per rule: the reference client with exactly one behaviour changed, through
 * the options it already takes (fetch, sleep, random, limits, key generator). Each flaw is a
 * mistake seen in real retry code, chosen so that it shows in its own rule's sequences only.
 */

interface Flaw {
  /** Rewrites a response before the client sees it (how "retries a 403" is made). */
  response?: (response: Response, init: FetchRequestInit) => Response | Promise<Response>;
  /** Rewrites the request headers of every call. */
  request?: (headers: Record<string, string>) => Record<string, string>;
  /** Rewrites the body of every call that has one. */
  body?: (body: string) => string;
  /**
   * Re-sends a call once more, behind the client's back, when this gives a wait (ms, 0 for at
   * once) rather than false.
   */
  resend?: (response: Response, init: FetchRequestInit) => number | false;
  /** Changes the wait the client decided on, knowing the answer it waits after. */
  wait?: (ms: number, last: Response) => number;
  options?: Partial<ClientOptions>;
}

const FIXED_UUID = '0f7c9e42-1a23-4b5c-9d0e-1234567890ab';

/** Turns one status into another, with a bare body so that no vendor code tells the truth. */
function withStatus(response: Response, from: number, to: number): Response {
  if (response.status !== from) return response;
  return new Response('unavailable', { status: to, headers: { 'content-type': 'text/plain' } });
}

/** A flaw, or a maker of one for flaws that keep count: made afresh for each sequence's client. */
function flawed(make: Flaw | (() => Flaw)): ClientFactory {
  return referenceClient((_context: ClientContext) => {
    const flaw = typeof make === 'function' ? make() : make;
    let last = new Response();
    const send: FetchFunction = async (input, init) => {
      const body = flaw.body && typeof init.body === 'string' ? flaw.body(init.body) : init.body;
      const request = {
        ...init,
        headers: flaw.request ? flaw.request({ ...init.headers }) : init.headers,
        ...(body === undefined ? {} : { body }),
      };
      let response = await globalThis.fetch(input, request as RequestInit);
      const resendAfter = flaw.resend?.(response, init) ?? false;
      if (resendAfter !== false) {
        if (resendAfter > 0) await new Promise<void>((resolve) => setTimeout(resolve, resendAfter));
        response = await globalThis.fetch(input, request as RequestInit);
      }
      last = response;
      return flaw.response ? flaw.response(response, init) : response;
    };
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => setTimeout(resolve, flaw.wait ? flaw.wait(ms, last) : ms));
    return { fetch: send, sleep, ...flaw.options };
  });
}

const isSeconds = (value: string | null) => value !== null && /^\d+$/.test(value.trim());
const retryAfter = (response: Response) => response.headers.get('retry-after');

/** The flaw that breaks each rule, for one vendor (some depend on what the vendor's policy says). */
/**
 * Not broken: adds up to 500 ms of its own jitter to every wait after a 5xx, as a careful client
 * does where the vendor documents no jitter at all.
 */
export function jitteringClient(): ClientFactory {
  return flawed({ wait: (ms, last) => (last.status >= 500 ? ms + 400 : ms) });
}

export function brokenClientFor(rule: string, vendorId: VendorId): ClientFactory {
  const { policy } = getVendor(vendorId);
  const keyHeader = policy.idempotency.header?.toLowerCase();
  const resetHeader = policy.rateLimit.resetHeader?.name ?? 'x-ratelimit-reset';
  const status = /^no_retry\.(\d{3})$/.exec(rule)?.[1];
  if (status !== undefined) {
    // Treats a final status as a transient one and backs off on it.
    return flawed({ response: (response) => withStatus(response, Number(status), 503) });
  }
  switch (rule) {
    case 'retry_after.seconds':
      // Reads delay-seconds as milliseconds.
      return flawed({ wait: (ms, last) => (isSeconds(retryAfter(last)) ? Number(retryAfter(last)) : ms) });
    case 'retry_after.http_date':
      // Number('Thu, 01 Jan …') is NaN, and NaN || 0 means no wait at all.
      return flawed({
        wait: (ms, last) => {
          const value = retryAfter(last);
          return value !== null && !isSeconds(value) ? Number(value) || 0 : ms;
        },
      });
    case 'rate_limit_reset.unit':
      // Takes an epoch timestamp for seconds from now: a wait of decades, which Node's timers clamp to 1 ms.
      return flawed({
        wait: (ms, last) => {
          const reset = last.headers.get(resetHeader);
          return last.status === 429 && reset !== null ? Number(reset) * 1000 : ms;
        },
      });
    case 'wait.ceiling':
      // Obeys any wait the server asks for, however long.
      return flawed({ options: { maxRetryAfterMs: Number.POSITIVE_INFINITY } });
    case 'backoff.schedule':
      // Backs off half as long as documented after a 5xx.
      return flawed({ wait: (ms, last) => (last.status >= 500 ? ms / 2 : ms) });
    case 'backoff.jitter':
      // No randomness: every client retries in lockstep.
      return flawed({ options: { random: () => 0 } });
    case 'attempts.limit': {
      // Counts retries where the vendor counts calls: after the last allowed call fails, one more,
      // waiting as the schedule would have (so only the count is wrong).
      const { maxAttempts } = policy.retry;
      return flawed(() => {
        // Failures in a row within one sequence's client: only a series that exhausts the limit
        // earns the extra call.
        let failed = 0;
        return {
          resend: (response) => {
            failed = response.status >= 500 ? failed + 1 : 0;
            return failed === maxAttempts ? scheduledWindowMs(policy.retry, maxAttempts).min : false;
          },
        };
      });
    }
    case 'auth.refresh_once':
      // Retries a 401 as if it were transient, with the same credentials.
      return flawed({ response: (response) => withStatus(response, 401, 503) });
    case 'write.timed_out':
      return keyHeader !== undefined && policy.idempotency.supported
        ? // A new Idempotency-Key on every attempt, so a retry may apply the write twice.
          flawed({
            request: (headers) =>
              keyHeader in headers ? { ...headers, [keyHeader]: crypto.randomUUID() } : headers,
          })
        : // A blind retry of any write that failed on the server side.
          flawed({
            resend: (response, init) =>
              !['GET', 'HEAD', 'OPTIONS'].includes(init.method ?? 'GET') && response.status >= 500
                ? 0
                : false,
          });
    case 'redirect.follow':
      // Takes a redirect for a failure and sends the same request again.
      return flawed({ resend: (response) => (response.status >= 300 && response.status < 400 ? 0 : false) });
    case 'idempotency.fresh_key':
      // The same "new" key every time, so a refused key is sent again; where the docs let the exact
      // original body go with it, the body also changes from one call to the next.
      return policy.idempotency.mismatch?.resendOriginalAllowed
        ? flawed(() => {
            let sent = 0;
            return {
              options: { generateIdempotencyKey: () => FIXED_UUID },
              body: (text) => {
                sent += 1;
                const parsed = JSON.parse(text) as Record<string, unknown>;
                return JSON.stringify({ ...parsed, clientReference: `attempt-${sent}` });
              },
            };
          })
        : flawed({ options: { generateIdempotencyKey: () => FIXED_UUID } });
    default:
      throw new Error(`no broken client for rule ${rule}`);
  }
}
