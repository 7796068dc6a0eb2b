import { openReplayTarget } from '../cassettes/replay.js';
import { RunConfigError } from '../config/errors.js';
import { applyFixtures } from '../config/fixtures.js';
import { sandboxVendors } from '../config/sandbox-config.js';
import type { RunOptions } from '../run-options.js';
import { createHttpTarget } from './http-target.js';
import {
  type OpenTarget,
  openLocalTarget,
  openNockTarget,
  type SimulatorTargetOptions,
} from './simulator-targets.js';

/** Opens the target a run names; a sandbox vendor without a base URL is a configuration error. */
export async function openTarget(
  options: RunOptions,
  simulator: SimulatorTargetOptions = {},
): Promise<OpenTarget> {
  if (options.target === 'local') return openLocalTarget(options.vendors, simulator);
  if (options.target === 'nock') return openNockTarget(options.vendors, simulator);
  if (options.target === 'replay') {
    if (!options.cassettes) throw new RunConfigError('the replay target needs --cassettes <dir>.');
    return openReplayTarget(options.vendors, options.cassettes);
  }
  // The same resolution and guard the CLI applies before starting, here too, for suites that
  // call the runner directly.
  const vendors = sandboxVendors(
    options.config ?? {},
    options.env ?? process.env,
    options.vendors,
    options.allowUndeclaredSandbox === true,
  );
  for (const [id, vendor] of vendors) {
    if (vendor.fixtures === undefined) continue;
    const credentials = await applyFixtures(id, vendor.fixtures, vendor.baseUrl, vendor.credentials);
    vendors.set(id, { ...vendor, credentials });
  }
  return {
    target: createHttpTarget({ vendors, ...(options.limits ? { limits: options.limits } : {}) }),
    baseUrls: new Map(options.vendors.map((id) => [id, vendors.get(id)?.baseUrl ?? ''])),
    close: async () => {},
  };
}
