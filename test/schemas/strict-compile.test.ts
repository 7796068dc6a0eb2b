import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStrictAjv } from '../../scripts/codegen/ajv.js';
import { loadMetaSchemas, readJson, vendorFolders } from '../../scripts/codegen/load-vendors.js';
import { schemasDir } from '../helpers/paths.js';

const schemaFiles = vendorFolders(schemasDir).flatMap((vendor) =>
  readdirSync(join(schemasDir, vendor))
    .filter((file) => file.endsWith('.schema.json'))
    .map((file) => `${vendor}/${file}`),
);

describe('ajv strict mode', () => {
  it('compiles the meta schemas without a warning', () => {
    const ajv = createStrictAjv();
    for (const schema of Object.values(loadMetaSchemas(schemasDir))) ajv.addSchema(schema);
    for (const name of ['catalog', 'policy', 'vendor']) {
      expect(() =>
        ajv.getSchema(`https://error-contracts.invalid/schemas/meta/${name}.schema.json`),
      ).not.toThrow();
    }
  });

  it.each(schemaFiles)('compiles %s without a warning', (file) => {
    // createStrictAjv turns every warning into a thrown error, so compiling is the whole check.
    expect(() => createStrictAjv().compile(readJson(join(schemasDir, file)) as object)).not.toThrow();
  });

  it('treats a schema with an unknown keyword as an error, so the check above can fail', () => {
    expect(() => createStrictAjv().compile({ type: 'object', requird: ['x'] })).toThrow(/unknown keyword/);
  });
});
