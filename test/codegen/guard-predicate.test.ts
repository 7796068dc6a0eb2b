import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStrictAjv } from '../../scripts/codegen/ajv.js';
import { COMPLEMENT_SEARCH_LIMIT, charClassRun } from '../../scripts/codegen/char-class-pattern.js';
import { guardPredicates } from '../../scripts/codegen/guard-predicate.js';
import * as runtime from '../../src/validation/runtime.js';

type Schema = Record<string, unknown>;

/** The predicate the generator would emit for `schema`, loaded as a function. */
function loadPredicate(schema: Schema): (data: unknown) => boolean {
  const compiled = guardPredicates([['check', schema]]);
  if (!compiled) throw new Error('the schema was not compiled');
  const source = [...compiled.constants, ...compiled.functions, 'return check;'].join('\n');
  return new Function('runtime', source)(runtime) as (data: unknown) => boolean;
}

const ajv = createStrictAjv();

// Keywords and types the vendor envelopes do not use yet, so a new vendor's schema is covered too.
const wider: Schema = {
  type: 'object',
  required: ['kind', 'name', 'count'],
  properties: {
    kind: { type: 'string', enum: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] },
    name: { type: 'string', minLength: 3, maxLength: 5 },
    level: { type: 'string', enum: ['low', 'mid', 'high', 'urgent'] },
    count: { type: 'integer' },
    ratio: { type: 'number' },
    nothing: { type: 'null' },
    version: { const: 2 },
    tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } },
    when: { type: 'string', format: 'date-time' },
    nested: { type: 'object', required: ['link'], properties: { link: { type: 'string', format: 'uri' } } },
  },
};

const valid = {
  kind: 'j',
  name: '\u{1F600}\u{1F600}x',
  level: 'mid',
  count: 3,
  ratio: 0.5,
  nothing: null,
  version: 2,
  tags: ['ab'],
  when: '2026-03-31T12:00:00Z',
  nested: { link: 'https://x.test/a' },
};

const awkward = fc.constantFrom(
  '',
  'top',
  'high',
  'urgent',
  'ab',
  '\u{1F600}\u{1F600}',
  '\u{1F600}\u{1F600}\u{1F600}',
  'abcdef',
  'AB',
  '2026-02-30T00:00:00Z',
  '/relative',
  NaN,
  Number.POSITIVE_INFINITY,
  -0,
  1.5,
  2 ** 60,
  undefined,
  null,
  [],
  {},
);

describe('the straight-line guard compiler', () => {
  it("gives ajv's verdict on a schema with every keyword it compiles", () => {
    const predicate = loadPredicate(wider);
    const reference = ajv.compile(wider);
    expect(predicate(valid)).toBe(true);
    const member = fc.constantFrom(...Object.keys(valid), 'link', 'other');
    const mutation = fc.tuple(member, fc.oneof(awkward, fc.anything({ maxDepth: 2 })));
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 3 }), fc.boolean(), (edits, inNested) => {
        const data = structuredClone(valid) as Record<string, unknown>;
        for (const [key, value] of edits) {
          const target = inNested ? (data.nested as Record<string, unknown>) : data;
          target[key] = value;
        }
        expect(predicate(data)).toBe(reference(data));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a schema with a keyword it does not compile to ajv', () => {
    for (const schema of [
      { type: 'object', additionalProperties: false },
      { type: 'string', minLength: 1, $ref: '#/$defs/x' },
      { anyOf: [{ type: 'string' }, { type: 'number' }] },
      { type: ['string', 'null'] },
      { enum: [{ a: 1 }] },
      { type: 'object', properties: { x: { type: 'string', format: 'email' } } },
      { minLength: 1 },
    ]) {
      expect(guardPredicates([['check', schema]]), JSON.stringify(schema)).toBeUndefined();
    }
  });
});

/** Whole-string runs of one class, the shape char-class-pattern.ts tests by searching the complement. */
const CLASS_RUNS = [
  '^[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+$',
  '^[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]*$',
  '^[a-z0-9_-]+$',
  '^[^/]*$',
  '^[\\]\\\\a]+$',
  '^[\\u{1F600}-\\u{1F64F}a]+$',
  '^[\\uD800-\\uDFFFa]+$',
];

/** Strings at and around each class's edges, with surrogates (paired and lone) and both lengths. */
function classProbes(): string[] {
  const units = [0x00, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x2d, 0x2f, 0x5b, 0x5c, 0x5d, 0x7e, 0x7f, 0xff];
  const characters = [
    ...units.map((unit) => String.fromCharCode(unit)),
    'a',
    '_',
    ']',
    '\\',
    '\u{1F600}',
    '\u{1F650}',
    '\uD83D',
    '\uDE00',
    '\uDE00\uD83D',
  ];
  const long = 'a'.repeat(COMPLEMENT_SEARCH_LIMIT);
  return [
    '',
    ...characters.flatMap((c) => [c, `a${c}`, `${c}a`, `${long}${c}`, `${c}${long}`, `${long.slice(1)}${c}`]),
    long,
    `${long}a`,
  ];
}

describe('a pattern that is one character class repeated over the whole string', () => {
  it.each(CLASS_RUNS)(
    "gives ajv's verdict for %s at the class edges, on surrogates and on long strings",
    (pattern) => {
      expect(charClassRun(pattern)).toBeDefined();
      const schema = { type: 'string', pattern };
      const predicate = loadPredicate(schema);
      const reference = ajv.compile(schema);
      for (const probe of classProbes())
        expect(predicate(probe), JSON.stringify(probe)).toBe(reference(probe));
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 2 * COMPLEMENT_SEARCH_LIMIT }), (probe) => {
          expect(predicate(probe)).toBe(reference(probe));
        }),
        { numRuns: 2000 },
      );
    },
  );

  it('is recognised only in that shape', () => {
    expect(charClassRun('^[a-z]+$')).toEqual({ complement: '[^a-z]', nonEmpty: true });
    expect(charClassRun('^[^/]*$')).toEqual({ complement: '[/]', nonEmpty: false });
    expect(charClassRun('^[\\]a]+$')).toEqual({ complement: '[^\\]a]', nonEmpty: true });
    for (const other of [
      '^[a-z]+',
      '[a-z]+$',
      '^[a-z]{2}$',
      '^[a-z]+x$',
      '^[a-z][0-9]+$',
      '^[a-z\\]+$',
      '^(/[^/]+)+$',
    ])
      expect(charClassRun(other), other).toBeUndefined();
  });
});
