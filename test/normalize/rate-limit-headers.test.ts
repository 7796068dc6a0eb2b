import { describe, expect, it } from 'vitest';
import { parseRateLimitField, parseResetHeader } from '../../src/normalize/rate-limit-headers.js';
import { FIXED_NOW } from '../helpers/vendor-bodies.js';

const NOW_SECONDS = FIXED_NOW / 1000;

describe('parseResetHeader', () => {
  it.each([
    ['seconds from now', '30', 30_000, 'delta_seconds'],
    ['seconds from now, just under the epoch threshold', '999999999', 999_999_999_000, 'delta_seconds'],
    ['epoch seconds', String(NOW_SECONDS + 45), 45_000, 'epoch_seconds'],
    ['epoch seconds with a fraction', `${NOW_SECONDS + 1}.5`, 1500, 'epoch_seconds'],
    ['epoch milliseconds', String(FIXED_NOW + 2500), 2500, 'epoch_milliseconds'],
    ['an epoch time already past', String(NOW_SECONDS - 10), 0, 'epoch_seconds'],
  ] as const)('reads %s', (_name, value, delayMs, reading) => {
    expect(parseResetHeader(value, FIXED_NOW)).toEqual({ ok: true, delayMs, reading });
  });

  it.each(['', 'soon', '-5', '1e9', 'Tue, 31 Mar 2026 12:01:30 GMT'])('rejects %j', (value) => {
    expect(parseResetHeader(value, FIXED_NOW).ok).toBe(false);
  });
});

describe('parseRateLimitField', () => {
  it('reads r and t from the current draft list form', () => {
    expect(parseRateLimitField('"default";r=0;t=30')).toEqual({ remaining: 0, resetSeconds: 30 });
  });

  it('takes the limit with the fewest requests left when several are listed', () => {
    expect(parseRateLimitField('"burst";r=5;t=1, "daily";r=0;t=3600')).toEqual({
      remaining: 0,
      resetSeconds: 3600,
    });
  });

  it('keeps commas inside quoted names', () => {
    expect(parseRateLimitField('"a,b";r=2;t=9')).toEqual({ remaining: 2, resetSeconds: 9 });
  });

  it('reads the earlier draft dictionary form', () => {
    expect(parseRateLimitField('limit=100, remaining=0, reset=12')).toEqual({
      remaining: 0,
      resetSeconds: 12,
    });
  });

  it.each(['', 'garbage', '"x";r=abc;t=-4', ';;;,,,'])('gives nothing for %j', (value) => {
    expect(parseRateLimitField(value)).toEqual({ remaining: null, resetSeconds: null });
  });
});
