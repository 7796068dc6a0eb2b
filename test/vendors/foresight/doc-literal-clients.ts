import type { LiteralBehaviour, VendorClientCases } from '../../client-check/doc-literal/literal-client.js';

/**
 * Foresight, to the letter: "attempt 1: wait Retry-After (or 1s if absent)", "attempt 2: wait
 * min(2s + jitter, Retry-After)", "If the failure persists past 3 retries, escalate.", "429 | Wait
 * Retry-After seconds, then retry.", every 4xx "should not be retried", and "Same key, different
 * request body. Use a fresh key." Retry-After is documented in seconds only.
 */
const literal: LiteralBehaviour = {
  retryOn: [500, 502, 503, 504],
  delays: [1000, 2000, 4000],
  jitterMs: 500,
  jitterFromRetry: 2,
  maxCalls: 4,
  // An HTTP-date is not Foresight's promise: read as absent, so the first step (1 s) applies.
  serverWait: 'seconds-only',
  keyedWrites: false,
  retryWrites: true,
  onKeyRefusal: 'stop',
};
const keyed: LiteralBehaviour = { ...literal, keyedWrites: true, onKeyRefusal: 'fresh-key' };

export const clientCases: VendorClientCases = {
  literal: [
    {
      name: 'reads Retry-After in seconds only, sleeps an hour when asked, and repeats a keyless write after a 5xx',
      behaviour: literal,
    },
    { name: 'keys its writes and takes a fresh key after a mismatch', behaviour: keyed },
  ],
  breaking: [
    {
      name: 'ignores Retry-After and retries after a second',
      breaks: ['retry_after.seconds'],
      behaviour: { ...literal, serverWait: 'ignore' },
    },
    {
      name: 'backs off half as long as the schedule',
      breaks: ['backoff.schedule'],
      behaviour: { ...literal, delays: [500, 1000, 2000] },
    },
    { name: 'adds no jitter', breaks: ['backoff.jitter'], behaviour: { ...literal, jitterMs: 0 } },
    { name: 'makes a fifth call', breaks: ['attempts.limit'], behaviour: { ...literal, maxCalls: 5 } },
    ...([400, 401, 403, 404, 422] as const).map((status) => ({
      name: `repeats a ${status}`,
      breaks: [`no_retry.${status}`],
      behaviour: { ...literal, repeats: { [status]: 1 } },
    })),
    {
      name: 'sends the refused key again',
      breaks: ['idempotency.fresh_key'],
      behaviour: { ...keyed, onKeyRefusal: 'same-key' },
    },
  ],
};
