import { describe, expect, it } from 'vitest';
import { rememberedPredicate } from '../../src/text/remembered-predicate.js';

function counted(limits: { entries: number; textLength: number }) {
  const asked: string[] = [];
  const test = rememberedPredicate((text) => {
    asked.push(text);
    return text.startsWith('a');
  }, limits);
  return { test, asked };
}

describe('a string test answered from memory', () => {
  it('runs the test once for a string asked about again, and gives the same answer', () => {
    const { test, asked } = counted({ entries: 8, textLength: 16 });
    expect([test('apple'), test('pear'), test('apple'), test('pear')]).toEqual([true, false, true, false]);
    expect(asked).toEqual(['apple', 'pear']);
  });

  it('does not keep a string longer than its bound, and tests it every time', () => {
    const long = `a${'x'.repeat(16)}`;
    const { test, asked } = counted({ entries: 8, textLength: 16 });
    expect([test(long), test(long)]).toEqual([true, true]);
    expect(asked).toEqual([long, long]);
  });

  it('forgets everything when full, and still answers right afterwards', () => {
    const { test, asked } = counted({ entries: 2, textLength: 16 });
    test('a1');
    test('b2');
    // Full: the third string empties the memory before it is kept.
    expect(test('a3')).toBe(true);
    expect(test('a1')).toBe(true);
    expect(asked).toEqual(['a1', 'b2', 'a3', 'a1']);
    expect(test('a3')).toBe(true);
    expect(asked).toHaveLength(4);
  });
});
