import type { DocumentedRetry } from '../../helpers/documented-retry.js';

/** 1 s, 2 s, 4 s, 8 s, each with up to 500 ms of jitter; five calls in all. */
export const documentedRetry: DocumentedRetry = {
  waits: [1000, 2000, 4000, 8000],
  jitter: [true, true, true, true],
  jitterMax: 500,
  calls: 5,
};
