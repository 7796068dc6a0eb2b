import type { VendorId } from '../../src/vendors/registry.js';
import type { IndependentCredential, VendorDirectory } from './types.js';
import { loadedIndependentVendor } from './vendors.js';

/**
 * Writes a sandbox config for the independent vendors from their directories, in the suite's own
 * vocabulary: the operation and fact names the scenario data (`src/scenarios/`) is written against,
 * mapped once per vendor (`vendors/<v>/config.ts`) onto this implementation's routes and records.
 * This is the whole of what a sandbox run against them needs: base URL, credentials, operations and
 * facts; no per-check override.
 *
 * The map is data: suite operation → this implementation's operation and how the suite's path
 * parameters (`{id}`, `{handoffId}`) name this one's; suite fact → this one's fact.
 */
interface OperationMapping {
  operation: string;
  /** A query this implementation's route takes, as its API reference says. */
  query?: string;
  /** This implementation's parameter name → the suite's. */
  params?: Record<string, string>;
}

/** One vendor's `config.ts`: what its user writes, in the suite's vocabulary. */
export interface SandboxMapping {
  operations: Record<string, OperationMapping>;
  facts: Record<string, string>;
  /**
   * Facts a user of this implementation knows from its own API reference rather than from a
   * record: which body field is required, which holds cents, an enum or a date.
   */
  known?: Record<string, string>;
  /** Checks its API gives nothing to provoke with, and why (a user says so with checks.<id>.skip). */
  skips?: Record<string, string>;
  /**
   * A read that proves the config reaches a real record: a suite operation taking `{id}`, the
   * suite fact holding the id, and any query it needs (`{{facts.<name>}}` filled from the config).
   */
  probe: { operation: string; idFact: string; query?: string };
}

/** An operation of this implementation whose one path parameter is the suite's `{id}`. */
export const byId = (operation: string, param: string): OperationMapping => ({
  operation,
  params: { [param]: 'id' },
});

/** A credential as the sandbox config file holds it: a whole header value, or OAuth client fields. */
type CredentialEntry =
  | { value: string }
  | { clientId: string; clientSecret: string; scope: string; tokenUrl: string };

export interface SandboxVendorConfig {
  baseUrl: string;
  credentials: Record<string, CredentialEntry>;
  operations: Record<string, { method: string; path: string }>;
  facts: Record<string, string>;
  checks?: Record<string, { request: { method: string; path: string } } | { skip: string }>;
}

function credentialEntry(credential: IndependentCredential): CredentialEntry {
  if (credential.kind === 'header') return { value: credential.value };
  const { clientId, clientSecret, scope, tokenUrl } = credential;
  return { clientId, clientSecret, scope, tokenUrl };
}

/** One vendor's config: every suite operation and fact, from this implementation's directory. */
export function sandboxConfigFor(vendorId: VendorId, directory: VendorDirectory): SandboxVendorConfig {
  const mapping = loadedIndependentVendor(vendorId).sandbox;
  const operations: Record<string, { method: string; path: string }> = {};
  for (const [name, { operation, params = {}, query }] of Object.entries(mapping.operations)) {
    const entry = directory.operations[operation];
    if (!entry) throw new Error(`${vendorId}: the directory has no operation ${operation} (for ${name}).`);
    const path = entry.path.replace(/\{(\w+)\}/g, (whole, param: string) =>
      params[param] === undefined ? whole : `{${params[param]}}`,
    );
    operations[name] = { method: entry.method, path: query ? `${path}?${query}` : path };
  }
  const facts: Record<string, string> = { ...mapping.known };
  for (const [name, own] of Object.entries(mapping.facts)) {
    const value = directory.facts[own];
    if (value === undefined) throw new Error(`${vendorId}: the directory has no fact ${own} (for ${name}).`);
    facts[name] = value;
  }
  const credentials: Record<string, CredentialEntry> = {};
  for (const [role, credential] of Object.entries(directory.credentials))
    if (credential) credentials[role] = credentialEntry(credential);
  const skips = Object.entries(mapping.skips ?? {}).map(([id, skip]) => [id, { skip }] as const);
  return {
    baseUrl: directory.baseUrl,
    credentials,
    operations,
    facts,
    ...(skips.length > 0 ? { checks: Object.fromEntries(skips) } : {}),
  };
}

/** The config file for every started vendor: `{ vendors: { <id>: { baseUrl, credentials, operations, facts } } }`. */
export function sandboxConfig(directories: Partial<Record<VendorId, VendorDirectory>>): {
  vendors: Partial<Record<VendorId, SandboxVendorConfig>>;
} {
  const vendors: Partial<Record<VendorId, SandboxVendorConfig>> = {};
  for (const [vendorId, directory] of Object.entries(directories) as [VendorId, VendorDirectory][])
    vendors[vendorId] = sandboxConfigFor(vendorId, directory);
  return { vendors };
}

/**
 * The per-check overrides a user of a real sandbox would write for its documented server errors:
 * each magic value whose operation takes it as its one path parameter points the check of the code
 * it provokes (`code.<code>`) at that record. These are the rare exception the config allows: no
 * sandbox can be made to fail on demand, so the user names a record that always does.
 */
export function magicOverrides(directory: VendorDirectory): NonNullable<SandboxVendorConfig['checks']> {
  const checks: NonNullable<SandboxVendorConfig['checks']> = {};
  for (const magic of directory.magic) {
    const entry = directory.operations[magic.operation];
    const value = directory.facts[magic.fact];
    const params = entry ? [...entry.path.matchAll(/\{(\w+)\}/g)] : [];
    if (!entry || value === undefined || params.length !== 1) continue;
    checks[`code.${magic.provokes}`] = {
      request: { method: entry.method, path: entry.path.replace(/\{\w+\}/, value) },
    };
  }
  return checks;
}
