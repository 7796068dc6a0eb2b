import type { ConformanceTarget } from '../../conformance/types.js';
import { formatDuration } from '../../report/format.js';

/** Waits shorter than this are not worth a progress line, even on a real clock. */
const ANNOUNCED_WAIT_MS = 1000;

/**
 * The target with each wait of a second or more announced before it starts ("waiting 58.0 s
 * (Retry-After: 58)"): against a sandbox, what a CI log shows while nothing else happens.
 */
export function announcingWaits(
  target: ConformanceTarget,
  announce: (text: string) => Promise<unknown>,
): ConformanceTarget {
  const wrapped: ConformanceTarget = Object.create(target);
  wrapped.wait = async (ms, label) => {
    if (ms >= ANNOUNCED_WAIT_MS) await announce(`waiting ${formatDuration(ms)}${label ? ` (${label})` : ''}`);
    return target.wait(ms, label);
  };
  return wrapped;
}
