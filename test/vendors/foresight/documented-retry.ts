import type { DocumentedRetry } from '../../helpers/documented-retry.js';

/** Retry-After or 1 s without jitter, then 2 s and 4 s with up to 500 ms of jitter; four calls in all. */
export const documentedRetry: DocumentedRetry = {
  waits: [1000, 2000, 4000],
  jitter: [false, true, true],
  jitterMax: 500,
  calls: 4,
};
