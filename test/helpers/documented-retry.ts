import type { VendorId } from '../../src/index.js';

/**
 * The documented (or, where the docs are silent, the recorded) numbers, written out by hand from
 * the vendor docs and the ambiguities in each policy: the wait before retry 1, 2, …, whether
 * jitter is added to it, the jitter ceiling and the number of calls in total. Nothing here is
 * computed by the code under test.
 */
export const DOCUMENTED_RETRY: Record<
  VendorId,
  { waits: number[]; jitter: boolean[]; jitterMax: number; calls: number }
> = {
  claimrev: { waits: [1000, 2000, 4000, 8000], jitter: [true, true, true, true], jitterMax: 500, calls: 5 },
  foresight: { waits: [1000, 2000, 4000], jitter: [false, true, true], jitterMax: 500, calls: 4 },
  casexchange: {
    waits: [1000, 2000, 4000, 8000, 16000],
    jitter: [true, true, true, true, true],
    jitterMax: 500,
    calls: 6,
  },
  denialbase: {
    waits: [500, 1000, 2000, 4000, 8000, 16000],
    jitter: [false, false, false, false, false, false],
    jitterMax: 0,
    calls: 7,
  },
  collate: { waits: [1000, 2000, 4000, 8000], jitter: [true, true, true, true], jitterMax: 500, calls: 5 },
};
