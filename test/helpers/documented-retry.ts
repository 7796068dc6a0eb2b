import type { VendorId } from '../../src/index.js';

/**
 * The documented (or, where the docs are silent, the recorded) numbers, written out by hand from
 * the vendor docs and the ambiguities in each policy: the wait before retry 1, 2, …, whether
 * jitter is added to it, the jitter ceiling and the number of calls in total. Nothing here is
 * computed by the code under test.
 */
export const DOCUMENTED_RETRY: Record<
  VendorId,
  { waits: number[]; jitter: boolean[]; jitterMax: number; calls: number; capMs?: number }
> = {
  claimrev: { waits: [1000, 2000, 4000, 8000], jitter: [true, true, true, true], jitterMax: 500, calls: 5 },
  foresight: { waits: [1000, 2000, 4000], jitter: [false, true, true], jitterMax: 500, calls: 4 },
  // "start at 1 second, max 30 seconds" and escalate once 5xx "persist for more than 5 minutes":
  // 1 + 2 + 4 + 8 + 16 s, then nine waits at the 30 s cap, is just over 300 s of retrying.
  casexchange: {
    waits: [1000, 2000, 4000, 8000, 16000, ...Array<number>(9).fill(30_000)],
    jitter: Array<boolean>(14).fill(true),
    jitterMax: 500,
    calls: 15,
    capMs: 30_000,
  },
  // "starting at 500ms, capped at 30s": the seventh wait is the first to reach the cap.
  denialbase: {
    waits: [500, 1000, 2000, 4000, 8000, 16000, 30000],
    jitter: Array<boolean>(7).fill(false),
    jitterMax: 0,
    calls: 8,
    capMs: 30_000,
  },
  collate: { waits: [1000, 2000, 4000, 8000], jitter: [true, true, true, true], jitterMax: 500, calls: 5 },
};
