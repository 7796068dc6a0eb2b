/**
 * Where a sandbox run sends its requests and with which credentials: from an optional JSON config
 * file (error-contracts.config.json) and from environment variables, which win. Secrets belong in
 * the environment; the file may name the variable that holds one (`{ "env": "NAME" }`) so that it
 * can be committed.
 *
 * The work is split by job: guard.ts checks a parsed file (its shipped schema and what a schema
 * cannot say), parse.ts reads values from the environment, resolve.ts turns file and environment
 * into each vendor's settings, sandbox-vendors.ts chooses the vendors of a run and refuses
 * undeclared remote hosts, and hints.ts words the messages.
 */
export { assertKnownCheckIds, parseRunConfig } from './guard.js';
export { credentialHint } from './hints.js';
export { parseOperationVariable } from './parse.js';
export { resolveSandboxConfig } from './resolve.js';
export { assertDeclaredSandboxes, declaredUrls, sandboxVendors } from './sandbox-vendors.js';
export type {
  CheckOverride,
  ConfigString,
  CredentialConfig,
  ResolvedVendorConfig,
  ResolveOptions,
  RunConfigFile,
  VendorConfigFile,
} from './types.js';
