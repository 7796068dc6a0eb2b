import { describe, expect, it } from 'vitest';
import { loadVendors } from '../../scripts/codegen/load-vendors.js';
import { isVendorId, validateError } from '../../src/index.js';
import { schemasDir } from '../helpers/paths.js';

// The `examples` in a schema are what readers copy; an example the schema rejects would teach the wrong shape.
const vendors = loadVendors(schemasDir);
const examples = vendors.flatMap((vendor) =>
  Object.entries(vendor.schemas).flatMap(([schema, document]) => {
    const listed = Array.isArray(document.examples) ? (document.examples as unknown[]) : [];
    return listed.map((example, index) => ({
      id: vendor.id,
      schema,
      example,
      title: `${vendor.id} ${schema} #${index}`,
    }));
  }),
);

describe('schema examples', () => {
  it.each(vendors.map((v) => [v.id, v] as const))(
    '%s lists at least one example per envelope schema',
    (_id, vendor) => {
      for (const [name, schema] of Object.entries(vendor.schemas)) {
        expect(Array.isArray(schema.examples) && schema.examples.length > 0, name).toBe(true);
      }
    },
  );

  it.each(examples.map((e) => [e.title, e] as const))('%s validates against its own schema', (_title, e) => {
    if (!isVendorId(e.id)) throw new Error(`schemas/${e.id} has no generated module; run npm run generate`);
    const result = validateError(e.id, e.example, { schema: e.schema as 'envelope' });
    expect(result.valid ? [] : result.errors).toEqual([]);
  });
});
