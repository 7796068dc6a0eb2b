import type { DocumentedRetry } from '../../helpers/documented-retry.js';

/** Collate gives no schedule: these are the recorded readings (1 s doubling, 500 ms jitter, five calls). */
export const documentedRetry: DocumentedRetry = {
  waits: [1000, 2000, 4000, 8000],
  jitter: [true, true, true, true],
  jitterMax: 500,
  calls: 5,
};
