import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStrictAjv } from '../../scripts/codegen/ajv.js';
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
