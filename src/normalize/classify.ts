import type { CatalogEntry, ClientAction, ErrorCategory } from '../generated/meta-types.js';
import { acceptsStatus } from '../vendors/readings.js';
import { readPointer } from './json-pointer.js';
import { TOO_MANY_REQUESTS } from './status.js';
import type { Problem } from './types.js';
import type { Surface, VendorRules } from './vendor-rules.js';

export interface Classification {
  category: ErrorCategory;
  action: ClientAction;
  retryable: boolean;
  entry: CatalogEntry | null;
}

/** Actions that mean "send the same request again"; the others need something changed first. */
export const RETRY_ACTIONS: ReadonlySet<ClientAction> = new Set([
  'back_off_and_retry',
  'wait_for_retry_after',
  'retry_same_idempotency_key',
]);

/**
 * The classification of a status no policy row covers, from its class alone. Whether 429 and
 * 5xx may be repeated still comes from the vendor's retryableStatuses.
 */
function fallback(status: number, rules: VendorRules): Omit<Classification, 'entry'> {
  const retryable = rules.retryableStatuses.has(status);
  if (status === TOO_MANY_REQUESTS) {
    return {
      category: 'rate_limit',
      action: retryable ? 'wait_for_retry_after' : 'escalate_to_support',
      retryable,
    };
  }
  if (status >= 500 && status <= 599) {
    return {
      category: 'server',
      action: retryable ? 'back_off_and_retry' : 'escalate_to_support',
      retryable,
    };
  }
  if (status >= 400 && status <= 499) return { category: 'unknown', action: 'fix_request', retryable: false };
  // A success, a redirect or no status at all is not something a client can act on by retrying.
  return { category: 'unknown', action: 'escalate_to_support', retryable: false };
}

/**
 * A documented code decides first (vendors say the code is what to switch on); a code the
 * catalog lacks falls back to the vendor's status table, then to the status class. The vendor's
 * own retryable flag, where its envelope has one, decides repeating only for a code the catalog
 * does not know: for a catalogued code the catalog's entry wins, flag or not. What does not
 * match the catalog is added to `problems`.
 */
export function classify(
  rules: VendorRules,
  surface: Surface,
  status: number,
  code: string | null,
  body: unknown,
  problems: Problem[],
): Classification {
  const entry = code === null ? undefined : rules.catalog.get(surface)?.get(code);
  if (code !== null && entry === undefined) {
    problems.push({
      kind: 'unknown_code',
      message: `code ${JSON.stringify(code.slice(0, 100))} is not in the catalog`,
    });
  }
  if (entry !== undefined && !acceptsStatus(entry, status)) {
    problems.push({
      kind: 'status_mismatch',
      message: `code ${entry.code} is documented with status ${entry.status}, not ${status}`,
    });
  }
  const base = entry ?? rules.statuses.get(status) ?? fallback(status, rules);
  let { category, action, retryable } = base;

  // The code decides recovery ("Use error.code for recovery logic"): the body's retryable flag
  // speaks only for a code the catalog does not know.
  const flag = rules.bodyFlag === null || entry !== undefined ? undefined : readPointer(body, rules.bodyFlag);
  if (typeof flag === 'boolean' && flag !== retryable) {
    retryable = flag;
    if (flag) action = 'back_off_and_retry';
    else if (RETRY_ACTIONS.has(action)) action = 'escalate_to_support';
  }
  return { category, action, retryable, entry: entry ?? null };
}
