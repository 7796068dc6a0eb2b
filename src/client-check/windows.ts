import type { RetryPolicy } from '../generated/meta-types.js';
import { formatDuration } from '../report/format.js';
import { scheduledWindowMs } from '../retry/schedule.js';
import type { WaitWindow } from './observation.js';

/**
 * Rounding slack on a server-requested wait: Retry-After dates and reset times have whole-second
 * precision, so a client that rounds up to the next second is still doing what it was told.
 */
export const SERVER_WAIT_SLACK_MS = 1000;

/**
 * A wait the server asked for, before retry `retryNumber` (1 by default), combined with the
 * schedule by the policy's `retryAfter` mode (every vendor so far uses `floor`: never less than
 * the server asked), and by the docs' own mode where the policy records one apart.
 */
export function serverWaitWindow(retry: RetryPolicy, serverMs: number, retryNumber = 1): WaitWindow {
  const chosen = windowBy(retry.retryAfter, retry, serverMs, retryNumber);
  // Where the project's mode departs from the docs' words (Foresight's min() from the second retry
  // on), a client following the words is obeying too: the window spans both.
  const worded = retry.retryAfterAsDocumented;
  if (worded === undefined || retryNumber < 2) return chosen;
  const literal = windowBy(worded, retry, serverMs, retryNumber);
  return { min: Math.min(chosen.min, literal.min), max: Math.max(chosen.max, literal.max) };
}

function windowBy(
  mode: RetryPolicy['retryAfter'],
  retry: RetryPolicy,
  serverMs: number,
  retryNumber: number,
): WaitWindow {
  const scheduled = scheduledWindowMs(retry, retryNumber);
  switch (mode) {
    case 'replace':
      return { min: serverMs, max: serverMs + SERVER_WAIT_SLACK_MS };
    case 'cap':
      return { min: Math.min(scheduled.min, serverMs), max: Math.min(scheduled.max, serverMs) };
    case 'ignore':
      return scheduled;
    default:
      return {
        min: Math.max(serverMs, scheduled.min),
        max: Math.max(serverMs, scheduled.max) + SERVER_WAIT_SLACK_MS,
      };
  }
}

export function within(ms: number, window: WaitWindow): boolean {
  return ms >= window.min && ms <= window.max;
}

/** "1.00 s to 1.50 s", or "1.00 s" for a window with no room: how every output names a window. */
export function describeWindow(window: WaitWindow): string {
  return window.min === window.max
    ? formatDuration(window.min)
    : `${formatDuration(window.min)} to ${formatDuration(window.max)}`;
}
