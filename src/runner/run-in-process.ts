/**
 * Runs the conformance checklist in this process, one check after another, through the same
 * session a vitest test per check uses. The run command takes this path for the embedded
 * simulator: there is no user suite to host, and vitest's start-up (and a forked worker) would
 * cost more than the checks themselves.
 */
import { getVendor } from '../vendors/registry.js';
import { type CheckSession, checksToRun, openCheckSession } from './check-session.js';
import { type Collected, emptyCollected, noteError, type RunListener } from './collected.js';
import type { RunOptions } from './run-options.js';

export async function runInProcess(options: RunOptions, listener: RunListener = {}): Promise<Collected> {
  const collected = emptyCollected();
  let session: CheckSession;
  try {
    session = await openCheckSession(options);
  } catch (error) {
    noteError(collected, error as Error);
    return collected;
  }
  try {
    for (const vendorId of options.vendors) {
      const vendorName = getVendor(vendorId).name;
      for (const check of checksToRun(options, vendorId)) {
        listener.onCheckStart?.(check.title, vendorName);
        try {
          const meta = await session.run(vendorId, check, async (text) =>
            listener.onCheckActivity?.(text, vendorName),
          );
          collected.checks.push(meta);
          listener.onCheckEnd?.(meta, vendorName);
        } catch (error) {
          // A check that threw never reached a result: the run is incomplete, and says which.
          noteError(collected, error as Error, check.title);
        }
      }
    }
  } finally {
    try {
      await session.close();
    } catch (error) {
      noteError(collected, error as Error);
    }
  }
  return collected;
}
