import { describe, expect, it } from 'vitest';
import { normalizeError } from '../../src/index.js';

const NOW = Date.UTC(2026, 2, 31, 12);
const body = '{"error":{"code":"rate_limited","message":"Slow down."}}';

/** A clock that counts how often it is read. */
function countingClock() {
  const clock = {
    reads: 0,
    now: (): number => {
      clock.reads++;
      return NOW;
    },
  };
  return clock;
}

describe('normalizeError reads the clock only when a header needs it', () => {
  it('does not read it for a Retry-After in delay-seconds', () => {
    const clock = countingClock();
    const result = normalizeError(
      'denialbase',
      { status: 429, headers: { 'retry-after': '2' }, body },
      { now: clock.now },
    );
    expect(result.retryAfterMs).toBe(2000);
    expect(clock.reads).toBe(0);
  });

  it('reads it once for an HTTP-date and a reset header in the same response', () => {
    const clock = countingClock();
    const result = normalizeError(
      'casexchange',
      {
        status: 429,
        headers: {
          'retry-after': 'Tue, 31 Mar 2026 12:00:05 GMT',
          'x-ratelimit-reset': String(NOW / 1000 + 60),
        },
        body,
      },
      { now: clock.now },
    );
    expect(result.retryAfterMs).toBe(5000);
    expect(result.rateLimit.resetMs).toBe(60_000);
    expect(clock.reads).toBe(1);
  });

  it('still refuses a clock that reads NaN where a date needs it', () => {
    expect(() =>
      normalizeError(
        'foresight',
        { status: 503, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }, body },
        { now: () => Number.NaN },
      ),
    ).toThrow(expect.objectContaining({ code: 'ERR_INVALID_OPTION' }));
  });
});
