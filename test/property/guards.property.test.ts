import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStrictAjv } from '../../scripts/codegen/ajv.js';
import { getVendor, vendorIds } from '../../src/index.js';
import { mutatedExampleArbitrary, RUNS } from './arbitraries.js';

type Check = ((data: unknown) => boolean) & { errors?: unknown[] | null };

/** Values no JSON body holds but a caller may pass: NaN, infinities, -0, undefined, boxed values. */
const oddValues = fc.anything({ withBoxedValues: true, withNullPrototype: true, maxDepth: 3 });

const ajv = createStrictAjv();

/*
 * The generated guard is compiled by the generator's own predicate compiler, not by ajv, and the
 * generated validator asks that predicate before running ajv's code. Both must give ajv's verdict
 * (compiled here at run time from the same schema) on every input, and the validator must report
 * errors exactly when it rejects.
 */
describe.each(vendorIds)('%s generated guards and validators', (vendorId) => {
  const vendor = getVendor(vendorId);
  const schemas = vendor.schemas as unknown as Record<string, Record<string, unknown>>;
  const guards = vendor.guards as unknown as Record<string, Check>;
  const validators = vendor.validators as unknown as Record<string, Check>;

  it.each(Object.keys(schemas))(`give ajv's verdict on %s inputs (${RUNS} runs)`, (name) => {
    const schema = schemas[name] ?? {};
    const reference = ajv.getSchema(String(schema.$id)) ?? ajv.compile(schema);
    const examples = Array.isArray(schema.examples) && schema.examples.length > 0 ? schema.examples : [{}];
    const guard = guards[name] as Check;
    const validator = validators[name] as Check;
    fc.assert(
      fc.property(
        fc.oneof(mutatedExampleArbitrary(examples), fc.jsonValue({ maxDepth: 4 }), oddValues),
        (data) => {
          const expected = reference(data);
          expect(guard(data)).toBe(expected);
          expect(validator(data)).toBe(expected);
          if (expected) expect(validator.errors).toBeNull();
          else expect(validator.errors?.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
