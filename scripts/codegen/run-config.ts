import { join } from 'node:path';
import { usesClientCredentials } from '../../src/runner/config/auth-scheme.js';
import { CREDENTIAL_ROLES } from '../../src/scenarios/types.js';
import { generatedBanner } from './banner.js';
import { readJson, type VendorSource } from './load-vendors.js';
import { standaloneValidatorsModule } from './validators.js';

export const RUN_CONFIG_SCHEMA_FILE = 'schemas/meta/run-config.schema.json';
/** The vendor-independent part of the config schema, written by hand. */
const TEMPLATE_FILE = 'scripts/codegen/run-config.template.json';

type Schema = Record<string, unknown>;

/** The credential object every role of a vendor takes: a header value, or OAuth client fields. */
function credentialDef(vendor: VendorSource): string {
  const authentication = vendor.policy.authentication as { scheme: string };
  return usesClientCredentials(authentication) ? 'clientCredentials' : 'headerCredentials';
}

const rolesOf = (credential: string): Schema => ({
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(CREDENTIAL_ROLES.map((role) => [role, { $ref: `#/$defs/${credential}` }])),
});

/**
 * The shipped config schema: the template with one member per registry vendor under `vendors`
 * (each holding the credential shape its authentication scheme takes) and the credential roles
 * filled in, so a new vendor's config is accepted by editors and by the run without an edit here.
 */
export function runConfigSchema(root: string, vendors: readonly VendorSource[]): Schema {
  const schema = readJson(join(root, TEMPLATE_FILE)) as Schema & {
    properties: { vendors: { properties: Schema } };
    $defs: Schema & { vendor: { properties: Record<string, Schema> } };
  };
  schema.properties.vendors.properties = Object.fromEntries(
    vendors.map((vendor) => [
      vendor.id,
      {
        description: `${vendor.name}.`,
        allOf: [
          { $ref: '#/$defs/vendor' },
          { type: 'object', properties: { credentials: { $ref: `#/$defs/${credentialDef(vendor)}` } } },
        ],
      },
    ]),
  );
  schema.$defs.headerCredentials = rolesOf('headerCredential');
  schema.$defs.clientCredentials = rolesOf('clientCredential');
  const checks = schema.$defs.vendor.properties.checks as {
    additionalProperties: { properties: { request: { properties: { role: Schema } } } };
  };
  checks.additionalProperties.properties.request.properties.role.enum = ['none', ...CREDENTIAL_ROLES];
  return schema;
}

/** The validator the run uses to check a config file, compiled ahead of time like the others. */
export function runConfigValidatorModule(schema: Schema): string {
  return standaloneValidatorsModule(
    [schema],
    {
      validateRunConfig: schema.$id as string,
      // An operation given in an environment variable is held to the same rules as in the file.
      validateOperation: `${schema.$id as string}#/$defs/operation`,
    },
    RUN_CONFIG_SCHEMA_FILE,
    'report',
    'src/runner/config/guard.ts',
    // Every vendor names the same vendor definition; one compiled copy serves them all.
    { callRefs: true },
  );
}

/** The schema as data, for naming the members a location accepts when a config has another. */
export function runConfigSchemaModule(schema: Schema): string {
  return [
    generatedBanner(`${TEMPLATE_FILE} and schemas/*/vendor.json`),
    `export const runConfigSchema: Readonly<Record<string, unknown>> = ${JSON.stringify(schema)};`,
  ].join('\n');
}
