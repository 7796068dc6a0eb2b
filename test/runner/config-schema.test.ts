/**
 * The shipped config schema is generated from the registry: every vendor is a member, each taking
 * the credential shape of its authentication scheme, so a vendor added under schemas/ is accepted
 * without an edit to the schema or to the code that checks a config.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStrictAjv } from '../../scripts/codegen/ajv.js';
import { loadVendors, readJson } from '../../scripts/codegen/load-vendors.js';
import { RUN_CONFIG_SCHEMA_FILE, runConfigSchema } from '../../scripts/codegen/run-config.js';
import { parseOperationVariable, parseRunConfig } from '../../src/runner/config/sandbox-config.js';
import { exchangesToken } from '../../src/vendors/authentication.js';
import { getVendor, vendorIds } from '../../src/vendors/registry.js';
import { configProblemsOf } from '../helpers/config-problems.js';
import { repoRoot, schemasDir } from '../helpers/paths.js';

/** The parts of the config schema these tests read. */
interface ConfigSchema {
  properties: {
    vendors: {
      additionalProperties: unknown;
      properties: Record<string, { allOf: [unknown, { properties: { credentials: { $ref: string } } }] }>;
    };
  };
}
const shipped = readJson(join(repoRoot, RUN_CONFIG_SCHEMA_FILE)) as ConfigSchema;

const scratch = mkdtempSync(join(tmpdir(), 'ec-config-schema-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** schemas/ with one more vendor: a copy of an existing one's folder under a new id. */
function schemasWithVendor(id: string, copyOf: string): string {
  const dir = join(scratch, id);
  cpSync(schemasDir, dir, { recursive: true });
  cpSync(join(schemasDir, copyOf), join(dir, id), { recursive: true });
  const manifest = readJson(join(dir, id, 'vendor.json')) as Record<string, unknown>;
  const lastOrder = Math.max(...loadVendors(schemasDir).map((vendor) => vendor.order));
  writeFileSync(
    join(dir, id, 'vendor.json'),
    JSON.stringify({ ...manifest, id, name: 'Sixth Vendor', order: lastOrder + 1 }),
  );
  return dir;
}

describe('the shipped config schema', () => {
  it('has a member for every registry vendor and no other', () => {
    expect(Object.keys(shipped.properties.vendors.properties)).toEqual([...vendorIds]);
    expect(shipped.properties.vendors.additionalProperties).toBe(false);
  });

  it.each(vendorIds)('gives %s the credential shape of its authentication scheme', (vendorId) => {
    const expected = exchangesToken(getVendor(vendorId).policy.authentication)
      ? '#/$defs/clientCredentials'
      : '#/$defs/headerCredentials';
    const own = shipped.properties.vendors.properties[vendorId]?.allOf[1];
    expect(own?.properties.credentials.$ref).toBe(expected);
  });
});

describe('a vendor that exists only in the registry', () => {
  const id = 'sixthvendor';
  // Any registry vendor serves as the model; its scheme decides the credential fields.
  const copyOf = vendorIds[0];
  if (copyOf === undefined) throw new Error('the registry has no vendor');
  const schema = runConfigSchema(repoRoot, loadVendors(schemasWithVendor(id, copyOf))) as object;
  const validate = createStrictAjv().compile(schema);
  const oauth = exchangesToken(getVendor(copyOf).policy.authentication);
  const credential = oauth
    ? { clientId: 'id', clientSecret: { env: 'SIXTH_SECRET' }, tokenUrl: 'http://127.0.0.1:9/token' }
    : { value: { env: 'SIXTH_KEY' } };

  it('is a member of the generated schema, its config valid', () => {
    expect(Object.keys((schema as ConfigSchema).properties.vendors.properties)).toContain(id);
    const config = {
      vendors: {
        [id]: {
          baseUrl: 'http://127.0.0.1:9',
          credentials: { valid: credential },
          operations: { create: { method: 'POST', path: '/things' } },
          facts: { thingId: 42 },
        },
      },
    };
    expect(validate(config) ? [] : validate.errors).toEqual([]);
  });

  it('still leaves a vendor the registry lacks rejected, and a credential field of another scheme', () => {
    expect(validate({ vendors: { seventhvendor: {} } })).toBe(false);
    const otherField = oauth ? { cookie: 'x' } : { clientId: 'x' };
    expect(validate({ vendors: { [id]: { credentials: { valid: otherField } } } })).toBe(false);
  });
});

describe('credential fields in a config file', () => {
  const clientVendor = vendorIds.find((id) => exchangesToken(getVendor(id).policy.authentication));
  const headerVendor = vendorIds.find((id) => !exchangesToken(getVendor(id).policy.authentication));

  it('a vendor whose roles are OAuth clients takes the client fields', () => {
    if (!clientVendor) throw new Error('no registry vendor uses client credentials');
    const config = {
      vendors: { [clientVendor]: { credentials: { valid: { clientId: 'a', tokenUrl: 't' } } } },
    };
    expect(configProblemsOf(() => parseRunConfig(config, 'cfg.json'))).toEqual([]);
  });

  it('a vendor sent a header value is told the one field it takes, not silently ignored', () => {
    if (!headerVendor) throw new Error('every registry vendor uses client credentials');
    const config = { vendors: { [headerVendor]: { credentials: { valid: { clientId: 'a' } } } } };
    expect(configProblemsOf(() => parseRunConfig(config, 'cfg.json'))).toEqual([
      `cfg.json: vendors.${headerVendor}.credentials.valid.clientId is not a credential field (value).`,
    ]);
  });
});

describe('an operation written as JSON in a variable', () => {
  it('is held to the operation rules of the file, every problem named after the variable', () => {
    expect(configProblemsOf(() => parseOperationVariable('{"bdy":{},"method":"FETCH"}', 'VAR'))).toEqual([
      'VAR.bdy is not an operation member (method, path, body, contentType, idPointer). Did you mean "body"?',
      expect.stringMatching(/^VAR\.method must be one of GET, POST/),
    ]);
  });
});
