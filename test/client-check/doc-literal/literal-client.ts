import type { ClientFactory } from '../../../src/client-check/types.js';
import { getVendor } from '../../../src/index.js';

/**
 * A small fetch client whose every error-handling choice is data, so that a client written to one
 * vendor's doc, word for word, is a record in that vendor's file rather than code. Its sleeps are
 * plain setTimeout and its jitter Math.random, which checkClient makes virtual and seeded.
 */
export interface LiteralBehaviour {
  /** Statuses (5xx) repeated on the backoff schedule below. */
  retryOn: readonly number[];
  /** Wait before retry 1, 2, …, before jitter; the last one repeats. */
  delays: readonly number[];
  /** Uniform 0 to this many ms added to each wait from `jitterFromRetry` on (1 when absent). */
  jitterMs: number;
  jitterFromRetry?: number;
  /** Calls in total, the first one included. */
  maxCalls: number;
  /** Unchanged repeats of a call answered with these statuses (no refresh, no change). */
  repeats?: Readonly<Record<number, number>>;
  /**
   * After a 429: `honour` waits Retry-After (seconds or HTTP-date) or the reset header (epoch
   * seconds), plus `afterServerWaitMs`; `seconds-only` reads only delay-seconds and otherwise backs
   * off; `ignore` always backs off.
   */
  serverWait: 'honour' | 'seconds-only' | 'ignore';
  afterServerWaitMs?: number;
  /** Whether writes carry the vendor's idempotency key header, one key per logical call. */
  keyedWrites: boolean;
  /** Whether a write is repeated after a 5xx like a read. */
  retryWrites: boolean;
  /** After a 409 to a keyed write: stop, send a fresh key, the same key, or the same key with another body. */
  onKeyRefusal: 'stop' | 'fresh-key' | 'same-key' | 'same-key-other-body';
  /** A redirect is followed (fetch's default), or answered by sending the original request again. */
  onRedirect?: 'follow' | 'resend';
}

/** A client as one vendor file lists it: what it does, in the words of the doc line it follows or breaks. */
export interface LiteralClient {
  name: string;
  behaviour: LiteralBehaviour;
}

/** A client that breaks one quoted line: the rules that cite the line, each expected VIOLATED. */
export interface BreakingClient extends LiteralClient {
  breaks: readonly string[];
}

export interface VendorClientCases {
  literal: readonly LiteralClient[];
  breaking: readonly BreakingClient[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function serverWaitMs(response: Response, behaviour: LiteralBehaviour, resetHeader: string | undefined) {
  const retryAfter = response.headers.get('retry-after')?.trim();
  if (retryAfter !== undefined && /^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  if (behaviour.serverWait !== 'honour') return undefined;
  if (retryAfter !== undefined) {
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - Date.now());
  }
  const reset = resetHeader ? response.headers.get(resetHeader) : null;
  if (reset !== null && /^\d+$/.test(reset.trim())) return Math.max(0, Number(reset) * 1000 - Date.now());
  return undefined;
}

export function literalClient(behaviour: LiteralBehaviour): ClientFactory {
  return (context) => {
    const { policy } = getVendor(context.vendorId);
    const keyHeader = policy.idempotency.header;
    const resetHeader = policy.rateLimit.resetHeader?.name;
    const backoff = (retry: number) => {
      const base = behaviour.delays[Math.min(retry, behaviour.delays.length) - 1] ?? 0;
      const jitter =
        retry >= (behaviour.jitterFromRetry ?? 1) ? Math.floor(Math.random() * (behaviour.jitterMs + 1)) : 0;
      return base + jitter;
    };
    return async (call) => {
      const write = call.method !== 'GET';
      let key = write && behaviour.keyedWrites && keyHeader ? crypto.randomUUID() : undefined;
      let body = call.body;
      const repeated: Record<number, number> = {};
      let refusals = 0;
      for (let attempt = 1; ; attempt++) {
        const headers: Record<string, string> = {
          ...call.headers,
          ...(await context.authHeaders()),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(key && keyHeader ? { [keyHeader]: key } : {}),
        };
        const response = await fetch(`${context.baseUrl}${call.path}`, {
          method: call.method,
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          ...(behaviour.onRedirect === 'resend' ? { redirect: 'manual' as const } : {}),
        });
        await response.text();
        const { status } = response;
        const resend = status >= 300 && status < 400 && behaviour.onRedirect === 'resend';
        if ((status < 400 && !resend) || attempt >= behaviour.maxCalls) return { status };
        let wait: number | undefined;
        if (resend) wait = 0;
        else if (status === 429) {
          const server =
            behaviour.serverWait === 'ignore' ? undefined : serverWaitMs(response, behaviour, resetHeader);
          wait = server === undefined ? backoff(attempt) : server + (behaviour.afterServerWaitMs ?? 0);
        } else if (
          status === 409 &&
          key !== undefined &&
          refusals === 0 &&
          behaviour.onKeyRefusal !== 'stop'
        ) {
          refusals += 1;
          if (behaviour.onKeyRefusal === 'fresh-key') key = crypto.randomUUID();
          if (behaviour.onKeyRefusal === 'same-key-other-body')
            body = { ...(body as Record<string, unknown>), clientReference: 'changed' };
          wait = 0;
        } else if (behaviour.retryOn.includes(status) && (!write || behaviour.retryWrites)) {
          wait = backoff(attempt);
        } else if ((repeated[status] ?? 0) < (behaviour.repeats?.[status] ?? 0)) {
          repeated[status] = (repeated[status] ?? 0) + 1;
          wait = backoff(attempt);
        }
        if (wait === undefined) return { status };
        await sleep(wait);
      }
    };
  };
}
