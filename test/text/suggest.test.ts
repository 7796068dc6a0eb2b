import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, editDistance } from '../../src/text/suggest.js';
import { vendorIds } from '../../src/vendors/registry.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['vendor', 'vendor', 0],
    ['vendr', 'vendor', 1],
    ['vednor', 'vendor', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('puts "%s" %#th case at the expected distance from "%s"', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestMatch', () => {
  it.each([
    ['colate', 'collate'],
    ['Foresigth', 'foresight'],
    ['cas', 'casexchange'],
    ['denialbse', 'denialbase'],
    ['acme', undefined],
    ['c', undefined],
    ['', undefined],
  ])('matches "%s" to %s among the vendor ids', (typed, expected) => {
    expect(closestMatch(typed, vendorIds)).toBe(expected);
  });

  it('says nothing rather than guess between two equally distant names', () => {
    expect(closestMatch('c', ['ca', 'cb'])).toBe(undefined);
    expect(didYouMean('zzz', ['run', 'pact'])).toBe('');
    expect(didYouMean('rnu', ['run', 'pact'])).toBe(' Did you mean "run"?');
  });
});
