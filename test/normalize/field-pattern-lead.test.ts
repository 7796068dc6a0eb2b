import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFieldErrors } from '../../src/normalize/field-errors.js';
import { type CompiledFieldSource, leadingLiteral, vendorRules } from '../../src/normalize/vendor-rules.js';
import { vendorIds } from '../../src/vendors/registry.js';
import { RUNS } from '../property/arbitraries.js';

/*
 * A message pattern that opens with a literal character is not run on a message without that
 * character. These tests hold that shortcut to what the pattern itself finds: every policy
 * pattern, and patterns made up here, read the same fields with and without it.
 */

type PatternSource = Extract<CompiledFieldSource, { kind: 'message_pattern' }>;

const policyPatterns: PatternSource[] = vendorIds.flatMap((vendorId) =>
  [...vendorRules(vendorId).readers.values()].flatMap((reader) =>
    reader.fieldErrors.filter((source): source is PatternSource => source.kind === 'message_pattern'),
  ),
);

/** The same source without the shortcut, on a regular expression of its own. */
function withoutLead(source: PatternSource): PatternSource {
  return { ...source, pattern: new RegExp(source.pattern.source, source.pattern.flags), lead: null };
}

const messageArbitrary = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc
    .array(fc.constantFrom('`', 'memberId', ' is required', 'a.b', '`x`', ' ', 'must ', '|', 'é'), {
      maxLength: 12,
    })
    .map((parts) => parts.join('')),
);

function readsTheSame(source: PatternSource, message: string): void {
  const category = [...source.categories][0] ?? 'validation';
  expect(extractFieldErrors({}, message, [source], category)).toEqual(
    extractFieldErrors({}, message, [withoutLead(source)], category),
  );
}

describe('leadingLiteral', () => {
  it('gives the opening character only when every match must begin with it', () => {
    expect(leadingLiteral('`(?<field>[a-z]+)`')).toBe('`');
    expect(leadingLiteral('field (?<field>\\w+)')).toBe('f');
    expect(leadingLiteral('^(?<field>[a-z]+)')).toBeNull();
    expect(leadingLiteral('a?b')).toBeNull();
    expect(leadingLiteral('a*b')).toBeNull();
    expect(leadingLiteral('a{0,2}b')).toBeNull();
    expect(leadingLiteral('ab|cd')).toBeNull();
    expect(leadingLiteral('(a)')).toBeNull();
    expect(leadingLiteral('\\d')).toBeNull();
    expect(leadingLiteral('.a')).toBeNull();
    expect(leadingLiteral('')).toBeNull();
  });
});

describe('message patterns with a leading literal', () => {
  it('read every policy pattern the same with and without the shortcut', () => {
    expect(policyPatterns.length).toBeGreaterThan(0);
    fc.assert(fc.property(fc.constantFrom(...policyPatterns), messageArbitrary, readsTheSame), {
      numRuns: RUNS * 2,
    });
  });

  it('read made-up patterns the same with and without the shortcut', () => {
    const patternArbitrary = fc
      .tuple(
        fc.constantFrom('`', "'", '"', 'a', 'Z', '7', ' '),
        fc.constantFrom('', '?', '*', '+', '{0,2}', 'b', '|x'),
        fc.constantFrom('(?<field>[a-z]+)', '(?<field>\\w*)', '(?<field>.)`'),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(patternArbitrary, messageArbitrary, (pattern, message) => {
        const source: PatternSource = {
          kind: 'message_pattern',
          pattern: new RegExp(pattern, 'g'),
          lead: leadingLiteral(pattern),
          categories: new Set(['validation']),
        };
        readsTheSame(source, message);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
