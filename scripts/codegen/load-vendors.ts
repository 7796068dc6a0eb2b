import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStrictAjv } from './ajv.js';

export interface EnvelopeFile {
  name: string;
  file: string;
  typeName: string;
}

export interface VendorSource {
  id: string;
  name: string;
  order: number;
  docsFile: string;
  envelopes: EnvelopeFile[];
  /** Parsed envelope schemas, keyed by envelope name. */
  schemas: Record<string, Record<string, unknown>>;
  catalog: Array<Record<string, unknown> & { code: string; status: number }>;
  policy: Record<string, unknown>;
}

export const META_SCHEMAS = ['common', 'catalog', 'policy', 'vendor'] as const;

export function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

export function loadMetaSchemas(schemasDir: string): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    META_SCHEMAS.map((name) => [
      name,
      readJson(join(schemasDir, 'meta', `${name}.schema.json`)) as Record<string, unknown>,
    ]),
  );
}

/** The vendor folders under schemas/, i.e. every folder except meta. */
export function vendorFolders(schemasDir: string): string[] {
  return readdirSync(schemasDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'meta')
    .map((entry) => entry.name)
    .sort();
}

function stripSchemaKey<T>(value: T): T {
  if (value && typeof value === 'object' && !Array.isArray(value) && '$schema' in value) {
    const { $schema: _ignored, ...rest } = value as Record<string, unknown>;
    return rest as T;
  }
  return value;
}

/**
 * Reads every vendor folder and checks its manifest, catalog and policy against the meta
 * schemas. Any problem stops generation with every message at once, naming file and path.
 */
export function loadVendors(schemasDir: string): VendorSource[] {
  const ajv = createStrictAjv();
  for (const schema of Object.values(loadMetaSchemas(schemasDir))) ajv.addSchema(schema);
  const check = (schemaName: string, path: string, data: unknown, problems: string[]) => {
    const validate = ajv.getSchema(`https://error-contracts.invalid/schemas/meta/${schemaName}.schema.json`);
    if (!validate) throw new Error(`meta schema ${schemaName} missing`);
    if (!validate(data)) {
      for (const error of validate.errors ?? []) {
        problems.push(`${path}${error.instancePath || '/'}: ${error.message ?? 'invalid'}`);
      }
    }
  };

  const problems: string[] = [];
  const vendors = vendorFolders(schemasDir).map((folder): VendorSource => {
    const dir = join(schemasDir, folder);
    const manifestPath = join(dir, 'vendor.json');
    const manifest = readJson(manifestPath) as Omit<VendorSource, 'schemas' | 'catalog' | 'policy'>;
    check('vendor', manifestPath, manifest, problems);
    if (manifest.id !== folder)
      problems.push(`${manifestPath}: id "${manifest.id}" must equal folder "${folder}"`);
    const catalogPath = join(dir, 'catalog.json');
    const catalog = readJson(catalogPath) as VendorSource['catalog'];
    check('catalog', catalogPath, catalog, problems);
    const policyPath = join(dir, 'policy.json');
    const policy = readJson(policyPath) as Record<string, unknown>;
    check('policy', policyPath, policy, problems);
    const codes = new Set<string>();
    for (const entry of Array.isArray(catalog) ? catalog : []) {
      if (codes.has(entry.code)) problems.push(`${catalogPath}: code "${entry.code}" appears twice`);
      codes.add(entry.code);
    }
    const schemas = Object.fromEntries(
      (manifest.envelopes ?? []).map((envelope) => [
        envelope.name,
        readJson(join(dir, envelope.file)) as Record<string, unknown>,
      ]),
    );
    return {
      id: manifest.id,
      name: manifest.name,
      order: manifest.order,
      docsFile: manifest.docsFile,
      envelopes: manifest.envelopes,
      schemas,
      catalog,
      policy: stripSchemaKey(policy),
    };
  });
  const orders = new Map<number, string>();
  for (const vendor of vendors) {
    const clash = orders.get(vendor.order);
    if (clash) problems.push(`vendors ${clash} and ${vendor.id} share order ${vendor.order}`);
    orders.set(vendor.order, vendor.id);
  }
  if (problems.length > 0) throw new Error(`schemas/ has problems:\n  ${problems.join('\n  ')}`);
  return vendors.sort((a, b) => a.order - b.order);
}
