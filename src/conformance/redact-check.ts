import { scrubText } from '../normalize/redact.js';
import { redactRunResult } from '../report/redact.js';
import type { CheckResult } from '../report/result.js';
import { getVendor, type VendorId } from '../vendors/registry.js';

/**
 * The reporters' redaction, applied as a check is recorded, so no credential is ever held in a
 * result. Shared by every kind of check; the run around the check exists only to reuse that code.
 * Before it, the values of the vendor's own credential headers (whatever the policy calls them,
 * so a sixth vendor's `Api-Key` is covered like `X-API-Key`) and every secret the target's
 * credentials hold are blanked wherever they appear.
 */
export function redactCheck(
  vendorId: VendorId,
  baseUrl: string,
  check: CheckResult,
  knownSecrets: readonly string[] = [],
): CheckResult {
  const { authentication } = getVendor(vendorId).policy;
  const credentialHeaders = new Set(
    [authentication.header, ...(authentication.alternativeHeaders ?? [])].map((name) => name.toLowerCase()),
  );
  const secrets = new Set(knownSecrets);
  for (const exchange of check.exchanges) {
    for (const [name, value] of Object.entries(exchange.request.headers)) {
      if (credentialHeaders.has(name.toLowerCase()) && value.length >= 4) secrets.add(value);
    }
  }
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  const scrubbed = ordered.length > 0 ? scrubStrings(check, ordered) : check;
  const wrapped = redactRunResult({
    schemaVersion: 1,
    tool: { name: 'error-contracts', version: '0' },
    target: 'local',
    startedAt: '',
    finishedAt: '',
    wallTimeMs: 0,
    simulatedWaitMs: 0,
    requests: 0,
    vendors: [{ id: vendorId, name: getVendor(vendorId).name, baseUrl, checks: [scrubbed] }],
    totals: { fail: 0, drift: 0, pass: 0, skipped: 0, not_applicable: 0 },
  });
  return wrapped.vendors[0]?.checks[0] ?? scrubbed;
}

/** A deep copy with every string scrubbed of the given secrets. */
function scrubStrings<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return scrubText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => scrubStrings(item, secrets)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, scrubStrings(item, secrets)]),
    ) as T;
  }
  return value;
}
