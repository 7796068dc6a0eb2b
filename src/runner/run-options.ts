/**
 * What one conformance run is asked to do. Plain data, because the CLI hands it to the vitest
 * workers that run the checks (through vitest's `provide`), and JSON crosses that boundary.
 */
import type { RunLimits } from '../conformance/types.js';
import type { RunTarget } from '../report/result.js';
import type { VendorId } from '../vendors/registry.js';
import type { RunConfigFile } from './config/sandbox-config.js';

export type TargetName = RunTarget;
export const TARGET_NAMES: readonly TargetName[] = ['local', 'nock', 'sandbox', 'replay'];

export interface RunOptions {
  target: TargetName;
  /** The vendors to check, in report order. */
  vendors: readonly VendorId[];
  /** The sandbox configuration (file contents); environment variables are read where the checks run. */
  config?: RunConfigFile;
  /** Bounds on bursts and waits for the sandbox target (see RunLimits); defaults where absent. */
  limits?: Partial<RunLimits>;
  /**
   * Sandbox target: send to base URLs that are not loopback even where the configuration does not
   * declare them sandboxes (the CLI's --yes-this-is-a-sandbox). Refused otherwise.
   */
  allowUndeclaredSandbox?: boolean;
  /** Sandbox target: write every exchange, redacted, as one cassette per vendor into this folder. */
  record?: string;
  /** Replay target: the folder of cassettes to answer from. */
  cassettes?: string;
  /** Run only these checks (by id); every check when absent. */
  only?: readonly string[];
  /** Environment the sandbox target resolves credentials from; the process's own when absent. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** What each vitest test case carries back to the runner in its task meta. */
export const CHECK_META_KEY = 'errorContractsCheck';

/**
 * The vitest annotation type a check uses to say what it is doing while it runs (a real wait,
 * say); the run command's collector turns these into progress lines.
 */
export const PROGRESS_ANNOTATION = 'error-contracts:progress';
