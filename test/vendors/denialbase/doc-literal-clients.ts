import type { LiteralBehaviour, VendorClientCases } from '../../client-check/doc-literal/literal-client.js';

/**
 * Denialbase, to the letter: "Use exponential backoff (starting at 500ms, capped at 30s)", "Yes —
 * honor Retry-After", "No — fix the request" (400, 403, 404, 422), "Re-authenticate" (401),
 * "include an Idempotency-Key header (UUID)" on writes, "refetch and retry" (409) and "Follow"
 * (301 / 302). No jitter, growth factor or attempt limit is given.
 */
const literal: LiteralBehaviour = {
  retryOn: [500, 502, 503, 504],
  delays: [500, 1000, 2000, 4000, 8000, 16000, 30000],
  jitterMs: 0,
  maxCalls: 8,
  serverWait: 'honour',
  keyedWrites: true,
  retryWrites: true,
  onKeyRefusal: 'same-key',
};

export const clientCases: VendorClientCases = {
  literal: [
    {
      name: 'surfaces a 401, follows a 302, backs off from 500 ms, repeats keyed writes with their key and retries a 409 with the same key',
      behaviour: literal,
    },
    {
      name: 'adds jitter and grows ×3',
      behaviour: { ...literal, delays: [500, 1500, 4500, 13500, 30000], jitterMs: 300 },
    },
  ],
  breaking: [
    {
      name: 'ignores Retry-After and backs off instead',
      breaks: ['retry_after.seconds', 'retry_after.http_date'],
      behaviour: { ...literal, serverWait: 'ignore' },
    },
    {
      name: 'starts its backoff at a quarter second',
      breaks: ['backoff.schedule'],
      behaviour: { ...literal, delays: [250, 500, 1000, 2000, 4000, 8000, 16000] },
    },
    ...([400, 403, 404, 422] as const).map((status) => ({
      name: `repeats a ${status}`,
      breaks: [`no_retry.${status}`],
      behaviour: { ...literal, repeats: { [status]: 1 } },
    })),
    {
      name: 'repeats a 401 with the same session',
      breaks: ['auth.refresh_once'],
      behaviour: { ...literal, repeats: { 401: 1 } },
    },
    {
      name: 'sends the original request again instead of following a 302',
      breaks: ['redirect.follow'],
      behaviour: { ...literal, onRedirect: 'resend' },
    },
    {
      name: 'repeats a timed-out write without an Idempotency-Key',
      breaks: ['write.timed_out'],
      behaviour: { ...literal, keyedWrites: false },
    },
  ],
};
