/**
 * What a run gathers, whoever drives the checks (vitest or the in-process loop): the results, and
 * every error outside a check, so a run that could not finish says why instead of reporting a
 * short list as complete.
 */
import type { CheckMeta } from './check-session.js';

/** Told as each check starts and ends (for live progress), and of what a running check is doing. */
export interface RunListener {
  onCheckStart?: (title: string, vendorName: string) => void;
  /** What a running check is doing now ("waiting 58 s (Retry-After: 58)"), as it starts doing it. */
  onCheckActivity?: (text: string, vendorName: string) => void;
  onCheckEnd?: (meta: CheckMeta, vendorName: string) => void;
}

export interface Collected {
  checks: CheckMeta[];
  /** Problems outside any check; non-empty means the run is incomplete. */
  errors: string[];
  /**
   * Among those, the configuration errors raised as the target opened (a fixtures hook that
   * failed, say), by message: the run was set up wrongly rather than cut short.
   */
  configErrors: string[];
}

/** An error as a test runner reports it: an Error, or its serialised form from a worker. */
export type ReportedError = { message?: string; stack?: string; name?: string };

export function emptyCollected(): Collected {
  return { checks: [], errors: [], configErrors: [] };
}

/** Keeps an error that happened outside a check's result; `where` names the check it cut short. */
export function noteError(collected: Collected, error: ReportedError, where?: string): void {
  const text = `${error.name ?? 'Error'}: ${error.message ?? String(error)}`;
  collected.errors.push(where === undefined ? text : `${where}: ${text}`);
  const message = error.message ?? '';
  if (error.name === 'RunConfigError' && !collected.configErrors.includes(message))
    collected.configErrors.push(message);
}
