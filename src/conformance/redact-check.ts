import { redactRunResult } from '../report/redact.js';
import type { CheckResult } from '../report/result.js';
import { getVendor, type VendorId } from '../vendors/registry.js';

/**
 * The reporters' redaction, applied as a check is recorded, so no credential is ever held in a
 * result. Shared by every kind of check; the run around the check exists only to reuse that code.
 */
export function redactCheck(vendorId: VendorId, baseUrl: string, check: CheckResult): CheckResult {
  const wrapped = redactRunResult({
    schemaVersion: 1,
    tool: { name: 'error-contracts', version: '0' },
    target: 'local',
    startedAt: '',
    finishedAt: '',
    wallTimeMs: 0,
    simulatedWaitMs: 0,
    requests: 0,
    vendors: [{ id: vendorId, name: getVendor(vendorId).name, baseUrl, checks: [check] }],
    totals: { fail: 0, drift: 0, pass: 0, skipped: 0, not_applicable: 0 },
  });
  return wrapped.vendors[0]?.checks[0] ?? check;
}
