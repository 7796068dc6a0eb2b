import { describe, expect, it } from 'vitest';
import { serverWaitWindow } from '../../src/client-check/windows.js';
import type { RetryPolicy } from '../../src/generated/meta-types.js';
import { getVendor, vendorIds } from '../../src/index.js';
import { scheduledDelayMs, scheduledWindowMs } from '../../src/retry/schedule.js';

const policyWith = (mode: RetryPolicy['retryAfter']): RetryPolicy => ({
  ...getVendor('collate').policy.retry,
  retryAfter: mode,
});

describe('wait windows', () => {
  it.each(vendorIds)('%s: the schedule window holds every draw the package schedule can make', (vendorId) => {
    const { retry } = getVendor(vendorId).policy;
    for (let retryNumber = 1; retryNumber <= retry.maxAttempts; retryNumber++) {
      const window = scheduledWindowMs(retry, retryNumber);
      const lowest = scheduledDelayMs(retry, retryNumber, () => 0);
      const highest = scheduledDelayMs(retry, retryNumber, () => 0.999_999);
      expect({ retryNumber, lowest, highest }).toEqual({
        retryNumber,
        lowest: window.min,
        highest: window.max,
      });
    }
  });

  it.each([
    ['floor', { min: 6000, max: 7000 }],
    ['replace', { min: 6000, max: 7000 }],
    ['cap', { min: 1000, max: 1500 }],
    ['ignore', { min: 1000, max: 1500 }],
  ] as const)('a 6 s server wait under retryAfter %s allows %j', (mode, expected) => {
    expect(serverWaitWindow(policyWith(mode), 6000)).toEqual(expected);
  });

  it("Foresight: from the second retry a wait by the docs' min(step + jitter, Retry-After) is inside the window, and so is the floor", () => {
    const { retry } = getVendor('foresight').policy;
    expect(retry.retryAfterAsDocumented).toBe('cap');
    // Retry-After 10 s before retry 2 (step 2 s + up to 500 ms): the docs' words say 2 to 2.5 s,
    // the reference client's floor 10 s.
    const window = serverWaitWindow(retry, 10_000, 2);
    expect(window.min).toBe(2000);
    expect(window.max).toBeGreaterThanOrEqual(10_000);
    // The first retry is "wait Retry-After" in the docs' words: no min() applies there.
    expect(serverWaitWindow(retry, 10_000, 1).min).toBe(10_000);
  });
});
