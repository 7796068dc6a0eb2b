import { redactJson } from '../redaction/json.js';
import { searchable } from '../redaction/scrub.js';
import { secretsOf } from '../redaction/secrets.js';
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
  const secrets = [...knownSecrets];
  for (const exchange of check.exchanges) {
    for (const [name, value] of Object.entries(exchange.request.headers)) {
      if (credentialHeaders.has(name.toLowerCase())) secrets.push(...secretsOf(value));
    }
  }
  const ordered = searchable(secrets);
  const scrubbed = ordered.length > 0 ? (redactJson(check, { secrets: ordered }) as CheckResult) : check;
  const wrapped = redactRunResult(
    {
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
    },
    ordered,
  );
  return wrapped.vendors[0]?.checks[0] ?? scrubbed;
}
