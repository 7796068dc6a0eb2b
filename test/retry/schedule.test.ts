import { describe, expect, it } from 'vitest';
import { getVendor } from '../../src/index.js';
import { jitterMs, scheduledDelayMs } from '../../src/retry/schedule.js';

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
