import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/normalize/retry-after.js';
import { FIXED_NOW } from '../helpers/vendor-bodies.js';

// 2026-03-31T12:00:00Z; each date below is written out by hand, 90 s later or earlier.
const NINETY_SECONDS_LATER = [
  ['IMF-fixdate', 'Tue, 31 Mar 2026 12:01:30 GMT', 'imf-fixdate'],
  ['RFC 850', 'Tuesday, 31-Mar-26 12:01:30 GMT', 'rfc850'],
  ['asctime', 'Tue Mar 31 12:01:30 2026', 'asctime'],
] as const;

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['1', 1000],
    ['120', 120_000],
    [' 7 ', 7000],
  ])('reads delay-seconds %j as %d ms', (value, expected) => {
    expect(parseRetryAfter(value, FIXED_NOW)).toEqual({ ok: true, delayMs: expected, form: 'delay-seconds' });
  });

  it.each(NINETY_SECONDS_LATER)('reads an %s date as the time from now', (_name, value, form) => {
    expect(parseRetryAfter(value, FIXED_NOW)).toEqual({ ok: true, delayMs: 90_000, form });
  });

  it('reads an asctime date with a one-digit day padded by a space', () => {
    const value = 'Thu Apr  2 12:00:00 2026';
    expect(parseRetryAfter(value, FIXED_NOW)).toEqual({ ok: true, delayMs: 2 * 86_400_000, form: 'asctime' });
  });

  it('reads a date in the past as no wait at all', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', FIXED_NOW)).toMatchObject({
      ok: true,
      delayMs: 0,
    });
  });

  it('puts an RFC 850 year more than 50 years ahead in the previous century', () => {
    // "80" would be 2080, 54 years after 2026, so it is 1980: long past, no wait.
    expect(parseRetryAfter('Monday, 31-Mar-80 12:00:00 GMT', FIXED_NOW)).toMatchObject({
      ok: true,
      delayMs: 0,
    });
    // "70" is 2070, 44 years ahead, so it stays in this century.
    const result = parseRetryAfter('Monday, 31-Mar-70 12:00:00 GMT', FIXED_NOW);
    expect(result).toMatchObject({ ok: true, delayMs: Date.UTC(2070, 2, 31, 12) - FIXED_NOW });
  });

  it.each([
    '',
    '-1',
    '1.5',
    '1e3',
    'soon',
    'Tue, 31 Mar 2026 12:01:30 UTC',
    'Tue, 31 Feb 2026 12:01:30 GMT',
    'Tue, 31 Mar 2026 25:01:30 GMT',
    '2026-03-31T12:01:30Z',
    '9'.repeat(400),
  ])('rejects %j with a reason', (value) => {
    const result = parseRetryAfter(value, FIXED_NOW);
    expect(result.ok).toBe(false);
    expect(result).toHaveProperty('reason');
  });
});
