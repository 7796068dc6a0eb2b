import { UnknownVendorError } from '../errors.js';
import type { CatalogEntry, VendorPolicy } from '../generated/meta-types.js';
import {
  type CodeByVendor,
  type EnvelopeTypes,
  type VendorId,
  vendorIds,
  vendorModules,
} from '../generated/registry.js';
import type { CompiledValidator } from '../validation/compiled.js';

export type {
  AuthSchemeByVendor,
  CodeByVendor,
  EnvelopeByVendor,
  EnvelopeTypes,
  VendorId,
} from '../generated/registry.js';
export { vendorIds };

/** Everything the package knows about one vendor. */
export interface VendorDefinition<V extends VendorId = VendorId> {
  id: V;
  name: string;
  /** The vendor's API error envelope schema (JSON Schema 2020-12). */
  schema: Readonly<Record<string, unknown>>;
  /** Every envelope schema of the vendor, keyed by envelope name ("envelope" first). */
  schemas: Readonly<Record<keyof EnvelopeTypes[V] & string, Readonly<Record<string, unknown>>>>;
  catalog: ReadonlyArray<CatalogEntry & { readonly code: CodeByVendor[V] }>;
  policy: VendorPolicy;
  /** Compiled validators keyed by envelope name; each reports every failure on `errors`. */
  validators: { readonly [E in keyof EnvelopeTypes[V]]: CompiledValidator<EnvelopeTypes[V][E]> };
  /** Type guards keyed by envelope name; faster, as they stop at the first failure. */
  guards: { readonly [E in keyof EnvelopeTypes[V]]: (body: unknown) => body is EnvelopeTypes[V][E] };
}

const definitions = new Map<string, VendorDefinition>();

export function isVendorId(value: unknown): value is VendorId {
  return typeof value === 'string' && Object.hasOwn(vendorModules, value);
}

/** Looks a vendor up by id; an unknown id throws UnknownVendorError listing the valid ones. */
export function getVendor<V extends VendorId>(id: V): VendorDefinition<V> {
  if (!isVendorId(id)) throw new UnknownVendorError(id, vendorIds);
  let definition = definitions.get(id);
  if (!definition) {
    const module = vendorModules[id];
    definition = {
      id,
      name: module.vendor.name,
      schema: module.schemas.envelope,
      schemas: module.schemas,
      catalog: module.catalog,
      policy: module.policy,
      validators: module.validators,
      guards: module.guards,
    } as VendorDefinition;
    definitions.set(id, definition);
  }
  return definition as unknown as VendorDefinition<V>;
}

const catalogIndexes = new Map<VendorId, ReadonlyMap<string, CatalogEntry>>();

/**
 * The catalog entry for a code, or undefined when the vendor does not document it. Looked up in an
 * index built once per vendor: every simulated error answer asks, and a scan of a forty-entry
 * catalog showed in the simulator's profile.
 */
export function findCatalogEntry<V extends VendorId>(
  id: V,
  code: string,
): (CatalogEntry & { readonly code: CodeByVendor[V] }) | undefined {
  let index = catalogIndexes.get(id);
  if (!index) {
    // The first entry for a code wins, as a scan from the start would find it.
    const entries = new Map<string, CatalogEntry>();
    for (const entry of getVendor(id).catalog) if (!entries.has(entry.code)) entries.set(entry.code, entry);
    index = entries;
    catalogIndexes.set(id, index);
  }
  return index.get(code) as (CatalogEntry & { readonly code: CodeByVendor[V] }) | undefined;
}
