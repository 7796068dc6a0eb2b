import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createStrictAjv } from '../../scripts/codegen/ajv.js';
import { loadVendors, readJson, vendorFolders } from '../../scripts/codegen/load-vendors.js';
import { getVendor, isVendorId, validateError } from '../../src/index.js';
import { decodeBody } from '../../src/validation/body.js';
import { schemasDir } from '../helpers/paths.js';

/** One fixture: a body, the envelope it is checked against, and the verdict expected. */
interface SchemaCase {
  description: string;
  schema: string;
  data: unknown;
  valid: boolean;
  errorPath?: string;
}

interface LoadedCase extends SchemaCase {
  vendor: string;
  file: string;
}

const MIN_INVALID_CASES = 10;

function isSchemaCase(value: unknown): value is SchemaCase {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.description === 'string' &&
    typeof candidate.schema === 'string' &&
    'data' in candidate &&
    typeof candidate.valid === 'boolean' &&
    (candidate.errorPath === undefined || typeof candidate.errorPath === 'string')
  );
}

function loadCases(vendor: string): LoadedCase[] {
  const dir = join(schemasDir, vendor, 'cases');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const content = readJson(join(dir, file));
      if (!Array.isArray(content)) throw new Error(`${vendor}/cases/${file} must hold an array of cases`);
      return content.map((entry, index): LoadedCase => {
        if (!isSchemaCase(entry))
          throw new Error(`${vendor}/cases/${file}[${index}] is not a well-formed case`);
        return { ...entry, vendor, file };
      });
    });
}

const vendors = vendorFolders(schemasDir);
const sources = loadVendors(schemasDir);
const cases = vendors.flatMap(loadCases);

function vendorOf(id: string) {
  if (!isVendorId(id)) throw new Error(`schemas/${id} has no generated module; run npm run generate`);
  return getVendor(id);
}

/** A schema "documents a shape" when it constrains anything at its root; ClaimRev's API body does not. */
function documentsShape(schema: Readonly<Record<string, unknown>>): boolean {
  return 'type' in schema || 'required' in schema;
}

// The runtime validators are compiled once per schema; a fresh ajv each time, since every schema has an $id.
const runtimeValidators = new Map<string, ValidateFunction>();
function runtimeValidator(vendor: string, schemaName: string): ValidateFunction {
  const key = `${vendor}/${schemaName}`;
  let validate = runtimeValidators.get(key);
  if (!validate) {
    // Compiled from the source file, not the generated copy, so a generator bug cannot hide on both sides.
    const schema = sources.find((source) => source.id === vendor)?.schemas[schemaName];
    if (!schema) throw new Error(`no source schema ${schemaName} for ${vendor}`);
    validate = createStrictAjv().compile(schema);
    runtimeValidators.set(key, validate);
  }
  return validate;
}

/** What validateError hands to its validator: parsed JSON, or the text when the body is not JSON. */
function candidateOf(data: unknown): unknown {
  const decoded = decodeBody(data);
  return decoded.kind === 'json' ? decoded.value : decoded.text;
}

describe('envelope fixtures', () => {
  it('exist for every vendor folder', () => {
    const without = vendors.filter((vendor) => !cases.some((c) => c.vendor === vendor));
    expect(without).toEqual([]);
  });

  it('name an errorPath exactly when they expect a rejection', () => {
    const mismatched = cases
      .filter((c) => c.valid === (c.errorPath !== undefined))
      .map((c) => `${c.vendor}: ${c.description}`);
    expect(mismatched).toEqual([]);
  });

  it.each(vendors)('cover every envelope schema of %s with at least one case', (vendor) => {
    const covered = new Set(cases.filter((c) => c.vendor === vendor).map((c) => c.schema));
    expect([...covered].sort()).toEqual(Object.keys(vendorOf(vendor).schemas).sort());
  });

  it.each(vendors)(
    `hold at least ${MIN_INVALID_CASES} rejected bodies for each schema of %s that documents a shape`,
    (vendor) => {
      for (const [name, schema] of Object.entries(vendorOf(vendor).schemas)) {
        const invalid = cases.filter((c) => c.vendor === vendor && c.schema === name && !c.valid);
        if (documentsShape(schema)) {
          expect(invalid.length, `${vendor} ${name}`).toBeGreaterThanOrEqual(MIN_INVALID_CASES);
        } else {
          // A schema that accepts anything cannot reject a body, so a rejection case would be wrong.
          expect(invalid, `${vendor} ${name}`).toEqual([]);
        }
      }
    },
  );
});

describe.each(vendors)('%s fixtures', (vendor) => {
  const own = cases.filter((c) => c.vendor === vendor);

  it.each(own.map((c) => [`${c.schema}: ${c.description}`, c] as const))('%s', (_title, fixture) => {
    const result = validateError(vendorOf(vendor).id, fixture.data, { schema: fixture.schema as 'envelope' });
    expect(result.valid).toBe(fixture.valid);
    if (!result.valid) {
      expect(result.errors.map((error) => error.path)).toContain(fixture.errorPath);
    }
  });

  it.each(own.map((c) => [`${c.schema}: ${c.description}`, c] as const))(
    'the generated and the runtime-compiled validator agree: %s',
    (_title, fixture) => {
      const generated = vendorOf(vendor).validators[fixture.schema as 'envelope'];
      const candidate = candidateOf(fixture.data);
      expect(runtimeValidator(vendor, fixture.schema)(candidate)).toBe(generated(candidate));
    },
  );
});

describe.each(vendors)('%s type guards', (vendor) => {
  const own = cases.filter((c) => c.vendor === vendor);

  it.each(own.map((c) => [`${c.schema}: ${c.description}`, c] as const))(
    'give the fixture verdict, though they stop at the first failure: %s',
    (_title, fixture) => {
      const guard = vendorOf(vendor).guards[fixture.schema as 'envelope'] as (body: unknown) => boolean;
      expect(guard(candidateOf(fixture.data))).toBe(fixture.valid);
    },
  );
});
