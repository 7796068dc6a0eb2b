/**
 * error-contracts/runner: the conformance checklists as vitest suites, for a project's own test
 * run, and the pieces the `run` command is built from. Needs vitest (an optional peer dependency).
 */

export { RunConfigError } from './config/errors.js';
export type {
  CheckOverride,
  CredentialConfig,
  RunConfigFile,
  VendorConfigFile,
} from './config/sandbox-config.js';
export { parseRunConfig, resolveSandboxConfig } from './config/sandbox-config.js';
export type { RunOptions, TargetName } from './run-options.js';
export { type ConformanceSuiteOptions, defineConformanceSuite } from './vitest/define-suite.js';
