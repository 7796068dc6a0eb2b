import { describe, expect, it } from 'vitest';
import { getVendor } from '../../src/index.js';
import { jitterMs, scheduledDelayMs, scheduledWindowMs } from '../../src/retry/schedule.js';

describe('scheduledDelayMs', () => {
  it('caps an exponential wait at maxMs with the jitter included (CaseXchange: 30 s)', () => {
    const { retry } = getVendor('casexchange').policy;
    // Retry 6 would be 32 s plus jitter without the cap.
    expect(scheduledDelayMs(retry, 6, () => 0.999999)).toBe(30_000);
    expect(scheduledDelayMs(retry, 50, () => 0)).toBe(30_000);
  });

  it('repeats the last step of a step schedule (Foresight: 4 s)', () => {
    const { retry } = getVendor('foresight').policy;
    expect(scheduledDelayMs(retry, 9, () => 0)).toBe(4000);
  });

  it('treats an attempt below 1 as the first', () => {
    const { retry } = getVendor('denialbase').policy;
    expect(scheduledDelayMs(retry, 0, () => 0)).toBe(500);
  });
});

describe('jitterMs', () => {
  it.each([
    [0, 0],
    [0.999999, 500],
    [Number.NaN, 0],
    [-3, 0],
    [7, 500],
  ])('keeps a draw of %d inside the range (%d ms)', (draw, expected) => {
    expect(jitterMs({ min: 0, max: 500 }, () => draw)).toBe(expected);
  });

  it('adds nothing without a range', () => {
    expect(jitterMs(null, () => 0.7)).toBe(0);
  });
});

describe('scheduledWindowMs', () => {
  it.each([
    ['claimrev', 2, { min: 2000, max: 2500 }],
    ['foresight', 1, { min: 1000, max: 1000 }],
    ['denialbase', 3, { min: 2000, max: 2000 }],
    ['casexchange', 6, { min: 30_000, max: 30_000 }],
  ] as const)('gives %s retry %d the window %o', (vendorId, retryNumber, window) => {
    expect(scheduledWindowMs(getVendor(vendorId).policy.retry, retryNumber)).toEqual(window);
  });

  it('holds every wait the schedule can draw', () => {
    const { retry } = getVendor('collate').policy;
    for (const draw of [0, 0.25, 0.5, 0.999999]) {
      const delay = scheduledDelayMs(retry, 3, () => draw);
      const { min, max } = scheduledWindowMs(retry, 3);
      expect(delay).toBeGreaterThanOrEqual(min);
      expect(delay).toBeLessThanOrEqual(max);
    }
  });
});
