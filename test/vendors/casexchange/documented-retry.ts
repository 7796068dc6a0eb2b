import type { DocumentedRetry } from '../../helpers/documented-retry.js';

/**
 * "start at 1 second, max 30 seconds" and escalate once 5xx "persist for more than 5 minutes":
 * 1 + 2 + 4 + 8 + 16 s, then nine waits at the 30 s cap, is just over 300 s of retrying.
 */
export const documentedRetry: DocumentedRetry = {
  waits: [1000, 2000, 4000, 8000, 16000, ...Array<number>(9).fill(30_000)],
  jitter: Array<boolean>(14).fill(true),
  jitterMax: 500,
  calls: 15,
  capMs: 30_000,
};
