import { describe, expect, it } from 'vitest';
import { canRedraw, colourEnabled } from '../../src/text/colour.js';
import { plural } from '../../src/text/plural.js';

describe('colourEnabled', () => {
  it.each([
    { tty: true, env: {}, colour: true },
    { tty: false, env: {}, colour: false },
    { tty: false, env: { FORCE_COLOR: '1' }, colour: true },
    { tty: false, env: { FORCE_COLOR: '' }, colour: true },
    { tty: true, env: { FORCE_COLOR: '0' }, colour: false },
    { tty: true, env: { FORCE_COLOR: 'false' }, colour: false },
    { tty: true, env: { NO_COLOR: '1' }, colour: false },
    { tty: true, env: { NO_COLOR: '' }, colour: true },
    { tty: true, env: { TERM: 'dumb' }, colour: false },
    { tty: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' }, colour: true },
  ])('with a terminal $tty and $env, colour is $colour', ({ tty, env, colour }) => {
    expect(colourEnabled(tty, env)).toBe(colour);
  });

  it('redraws lines only on a terminal that is not dumb', () => {
    expect(canRedraw(true, {})).toBe(true);
    expect(canRedraw(true, { TERM: 'dumb' })).toBe(false);
    expect(canRedraw(false, {})).toBe(false);
  });
});

describe('plural', () => {
  it('says "1 vendor" and "2 vendors"', () => {
    expect(plural(1, 'vendor')).toBe('1 vendor');
    expect(plural(2, 'vendor')).toBe('2 vendors');
    expect(plural(0, 'check')).toBe('0 checks');
    expect(plural(3, 'body', 'bodies')).toBe('3 bodies');
  });
});
