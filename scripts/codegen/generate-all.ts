import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { catalogIndexPage, catalogPage } from './catalog-docs.js';
import { loadVendors } from './load-vendors.js';
import { registryModule, vendorIndexModule } from './modules.js';
import { withExports } from './package-exports.js';
import {
  RUN_CONFIG_SCHEMA_FILE,
  runConfigSchema,
  runConfigSchemaModule,
  runConfigValidatorModule,
} from './run-config.js';
import { runResultValidatorModule } from './run-result.js';
import { metaTypesModule, vendorTypesModule } from './types.js';
import { vendorValidatorsModule } from './validators.js';
import { missingVendorModules, VENDOR_MODULE_KINDS, vendorModuleIndex } from './vendor-modules.js';

const PRETTIER = { parser: 'typescript', singleQuote: true, printWidth: 110 } as const;

/**
 * Everything the generator owns, as repository-relative path to file content. Pure apart from
 * reading the sources, so the drift check can compare it with the working tree.
 */
export async function generateAll(root: string): Promise<Map<string, string>> {
  const schemasDir = join(root, 'schemas');
  const vendors = loadVendors(schemasDir);
  const missing = missingVendorModules(root, vendors);
  if (missing.length > 0) throw new Error(`vendor modules are missing:\n  ${missing.join('\n  ')}`);
  const files = new Map<string, string>();
  const ts = async (path: string, code: string) => files.set(path, await format(code, PRETTIER));

  await ts('src/generated/meta-types.ts', await metaTypesModule(schemasDir));
  for (const vendor of vendors) {
    const dir = `src/generated/${vendor.id}`;
    await ts(`${dir}/types.ts`, await vendorTypesModule(vendor, schemasDir));
    await ts(`${dir}/validators.ts`, vendorValidatorsModule(vendor, 'report'));
    await ts(`${dir}/guards.ts`, vendorValidatorsModule(vendor, 'guard'));
    await ts(`${dir}/index.ts`, vendorIndexModule(vendor));
    files.set(`docs/catalog/${vendor.id}.md`, catalogPage(vendor));
  }
  await ts('src/generated/registry.ts', registryModule(vendors));
  for (const kind of VENDOR_MODULE_KINDS) await ts(kind.output, vendorModuleIndex(kind, vendors));
  await ts('src/generated/run-result/validators.ts', runResultValidatorModule(root));
  const configSchema = runConfigSchema(root, vendors);
  files.set(
    RUN_CONFIG_SCHEMA_FILE,
    await format(JSON.stringify(configSchema, null, 2), { parser: 'json', printWidth: 110 }),
  );
  await ts('src/generated/run-config/validators.ts', runConfigValidatorModule(configSchema));
  await ts('src/generated/run-config/schema.ts', runConfigSchemaModule(configSchema));
  files.set('docs/catalog/README.md', catalogIndexPage(vendors));
  files.set('package.json', withExports(readFileSync(join(root, 'package.json'), 'utf8'), vendors));
  return files;
}
