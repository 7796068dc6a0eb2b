import { generatedBanner } from './banner.js';
import type { VendorSource } from './load-vendors.js';
import { validatorExportName } from './validators.js';

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** PascalCase of a vendor id, as used in the names of its types and guards. */
export function pascal(id: string): string {
  return `${id[0]?.toUpperCase()}${id.slice(1)}`;
}

export function codeTypeName(vendor: VendorSource): string {
  return `${pascal(vendor.id)}ErrorCode`;
}

/**
 * The module behind `error-contracts/<vendor>`: the catalog, policy and schemas embedded as data (so
 * importing them reads no files), the vendor's types, and a typed validator and guard per envelope.
 * Data and wrappers share one module because every extra module costs import time.
 */
export function vendorIndexModule(vendor: VendorSource): string {
  const typeNames = vendor.envelopes.map((e) => e.typeName);
  const schemas = Object.fromEntries(vendor.envelopes.map((e) => [e.name, vendor.schemas[e.name]]));
  const wrappers = vendor.envelopes
    .map(
      (e) => `/** Validator for ${e.typeName} that reports every failure on its \`errors\` property. */
export const validate${e.typeName} = reporting.${validatorExportName(e.name)} as unknown as CompiledValidator<${e.typeName}>;

/** True when \`body\` (already parsed) is a ${vendor.name} ${e.name === 'envelope' ? 'error envelope' : e.name}; stops at the first failure. */
export const is${e.typeName} = guarding.${validatorExportName(e.name)} as unknown as (body: unknown) => body is ${e.typeName};`,
    )
    .join('\n\n');
  return `${generatedBanner(`schemas/${vendor.id}/`)}
import type { CatalogEntry, VendorPolicy } from '../meta-types.js';
import type { CompiledValidator } from '../../validation/compiled.js';
import type { ${[...typeNames, codeTypeName(vendor)].join(', ')} } from './types.js';
import * as guarding from './guards.js';
import * as reporting from './validators.js';

export type { ${[...typeNames, codeTypeName(vendor)].join(', ')} } from './types.js';

export const vendor = { id: '${vendor.id}', name: ${JSON.stringify(vendor.name)} } as const;

export const catalog: ReadonlyArray<CatalogEntry & { readonly code: ${codeTypeName(vendor)} }> = ${json(vendor.catalog)};

export const policy: VendorPolicy = ${json(vendor.policy)};

export const schemas: Readonly<Record<${vendor.envelopes.map((e) => `'${e.name}'`).join(' | ')}, Readonly<Record<string, unknown>>>> = ${json(schemas)};

${wrappers}

/** Every envelope validator of ${vendor.name}, keyed by envelope name. */
export const validators = {
${vendor.envelopes.map((e) => `  ${e.name}: validate${e.typeName},`).join('\n')}
} as const;

/** Every envelope guard of ${vendor.name}, keyed by envelope name. */
export const guards = {
${vendor.envelopes.map((e) => `  ${e.name}: is${e.typeName},`).join('\n')}
} as const;
`;
}

/** The list of vendors and the type maps that let the public API narrow by vendor id. */
export function registryModule(vendors: VendorSource[]): string {
  const line = (render: (v: VendorSource) => string) => vendors.map(render).join('\n');
  return `${generatedBanner('schemas/*/vendor.json')}
${line((v) => `import * as ${v.id} from './${v.id}/index.js';`)}

/** Every supported vendor, in the order of schemas/<vendor>/vendor.json's \`order\`. */
export const vendorIds = [${vendors.map((v) => `'${v.id}'`).join(', ')}] as const;

export type VendorId = (typeof vendorIds)[number];

/** Each vendor's envelope types, keyed by envelope name. */
export interface EnvelopeTypes {
${line((v) => `  ${v.id}: { ${v.envelopes.map((e) => `${e.name}: ${v.id}.${e.typeName}`).join('; ')} };`)}
}

/** Each vendor's API error envelope type. */
export interface EnvelopeByVendor {
${line((v) => `  ${v.id}: ${v.id}.${v.envelopes[0]?.typeName};`)}
}

/** The codes each vendor's catalog lists. */
export interface CodeByVendor {
${line((v) => `  ${v.id}: ${v.id}.${codeTypeName(v)};`)}
}

/** The authentication scheme each vendor's policy names; the client's credential type follows it. */
export interface AuthSchemeByVendor {
${line((v) => `  ${v.id}: '${(v.policy.authentication as { scheme: string }).scheme}';`)}
}

/** The generated module of each vendor. */
export const vendorModules = { ${vendors.map((v) => v.id).join(', ')} } as const;
`;
}
