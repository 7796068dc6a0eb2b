import type { RetryPolicy } from '../generated/meta-types.js';
import type { WaitWindow } from './observation.js';

/**
 * Rounding slack on a server-requested wait: Retry-After dates and reset times have whole-second
 * precision, so a client that rounds up to the next second is still doing what it was told.
 */
export const SERVER_WAIT_SLACK_MS = 1000;

/**
 * The documented wait before retry `retryNumber` (1 = the first retry), jitter bounds included:
 * the same arithmetic as the package's own schedule, but as a range instead of one draw.
 */
export function scheduleWindow(retry: RetryPolicy, retryNumber: number): WaitWindow {
  const jitter = retry.jitterMs ?? { min: 0, max: 0 };
  const { delays } = retry;
  if (delays.kind === 'steps') {
    const step = delays.steps[Math.min(retryNumber, delays.steps.length) - 1] ?? delays.steps[0];
    const [low, high] = step.jitter ? [jitter.min, jitter.max] : [0, 0];
    return { min: step.delayMs + low, max: step.delayMs + high };
  }
  const base = delays.initialMs * delays.factor ** Math.min(retryNumber - 1, 60);
  return { min: Math.min(base + jitter.min, delays.maxMs), max: Math.min(base + jitter.max, delays.maxMs) };
}

/**
 * A wait the server asked for, before retry 1, combined with the schedule by the policy's
 * `retryAfter` mode (every vendor so far uses `floor`: never less than the server asked).
 */
export function serverWaitWindow(retry: RetryPolicy, serverMs: number): WaitWindow {
  const scheduled = scheduleWindow(retry, 1);
  switch (retry.retryAfter) {
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
