import type { LiteralBehaviour, VendorClientCases } from '../../client-check/doc-literal/literal-client.js';

/**
 * CaseXchange, to the letter: "Avoid infinite retry loops on repeated 401s.", "Do not retry
 * automatically." (403), "Read the X-RateLimit-Reset header … Do not retry immediately — wait until
 * the reset window." then "Implement exponential backoff with jitter", and "Retry with exponential
 * backoff (start at 1 second, max 30 seconds)." No growth factor, ceiling or rule on writes is given.
 */
const literal: LiteralBehaviour = {
  retryOn: [500, 502, 503, 504],
  // Growth by 3: "exponential" names no factor.
  delays: [1000, 3000, 9000, 27000, 30000],
  jitterMs: 500,
  maxCalls: 15,
  repeats: { 401: 1 },
  serverWait: 'honour',
  afterServerWaitMs: 1200,
  keyedWrites: false,
  retryWrites: true,
  onKeyRefusal: 'stop',
};

export const clientCases: VendorClientCases = {
  literal: [
    {
      name: 'repeats a 401 once, waits the reset and then backs off with jitter, sleeps an hour when asked, grows ×3 and repeats a write after a 5xx',
      behaviour: literal,
    },
  ],
  breaking: [
    {
      name: 'keeps repeating a 401',
      breaks: ['no_retry.401'],
      behaviour: { ...literal, repeats: { 401: 3 } },
    },
    {
      name: 'repeats a 403',
      breaks: ['no_retry.403'],
      behaviour: { ...literal, repeats: { 401: 1, 403: 1 } },
    },
    {
      name: 'ignores X-RateLimit-Reset and retries after a second',
      breaks: ['rate_limit_reset.unit'],
      behaviour: { ...literal, serverWait: 'ignore' },
    },
    {
      name: 'starts its backoff at half a second',
      breaks: ['backoff.schedule'],
      behaviour: { ...literal, delays: [500, 1000, 2000, 4000, 8000, 16000, 30000] },
    },
  ],
};
