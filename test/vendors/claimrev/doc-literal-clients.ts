import type { LiteralBehaviour, VendorClientCases } from '../../client-check/doc-literal/literal-client.js';

/**
 * ClaimRev, to the letter: "1st retry: 1 second … 4th retry: 8 seconds", "Give up after 5 attempts
 * and surface the error.", "Add a small random jitter (e.g., 0–500ms)", "Don't retry on: 400, 401
 * (without first refreshing the token), 403, 404."
 */
const literal: LiteralBehaviour = {
  retryOn: [500, 502, 503, 504],
  delays: [1000, 2000, 4000, 8000],
  // "e.g., 0–500ms" is an example, not a bound.
  jitterMs: 900,
  maxCalls: 5,
  serverWait: 'honour',
  keyedWrites: false,
  retryWrites: false,
  onKeyRefusal: 'stop',
};

export const clientCases: VendorClientCases = {
  literal: [
    { name: 'backs off 1, 2, 4, 8 s with up to 900 ms of jitter and surfaces a 401', behaviour: literal },
    {
      name: 'takes the example jitter of 0–500 ms and repeats a timed-out DELETE, idempotent by HTTP',
      behaviour: { ...literal, jitterMs: 500, retryWrites: true },
    },
  ],
  breaking: [
    { name: 'repeats a 400', breaks: ['no_retry.400'], behaviour: { ...literal, repeats: { 400: 2 } } },
    { name: 'repeats a 403', breaks: ['no_retry.403'], behaviour: { ...literal, repeats: { 403: 1 } } },
    { name: 'repeats a 404', breaks: ['no_retry.404'], behaviour: { ...literal, repeats: { 404: 1 } } },
    {
      name: 'repeats a 401 without a new token',
      breaks: ['auth.refresh_once'],
      behaviour: { ...literal, repeats: { 401: 1 } },
    },
    {
      name: 'backs off half as long as the schedule',
      breaks: ['backoff.schedule'],
      behaviour: { ...literal, delays: [500, 1000, 2000, 4000] },
    },
    { name: 'adds no jitter', breaks: ['backoff.jitter'], behaviour: { ...literal, jitterMs: 0 } },
    { name: 'makes a sixth call', breaks: ['attempts.limit'], behaviour: { ...literal, maxCalls: 6 } },
  ],
};
