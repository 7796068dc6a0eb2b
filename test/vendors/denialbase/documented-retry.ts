import type { DocumentedRetry } from '../../helpers/documented-retry.js';

/** "starting at 500ms, capped at 30s": the seventh wait is the first to reach the cap. */
export const documentedRetry: DocumentedRetry = {
  waits: [500, 1000, 2000, 4000, 8000, 16000, 30000],
  jitter: Array<boolean>(7).fill(false),
  jitterMax: 0,
  calls: 8,
  capMs: 30_000,
};
