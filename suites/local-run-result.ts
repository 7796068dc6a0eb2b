import { getVendor, type VendorId } from '../src/index.js';
import { type CheckResult, OUTCOMES, type RunResult } from '../src/report/result.js';

/**
 * The run result the suites' checks add up to, built the way the runner will build it, so a
 * suite can validate what it produced against the published schema.
 */
export function localRunResult(
  results: ReadonlyMap<VendorId, CheckResult[]>,
  urlOf: (vendorId: VendorId) => string,
  startedAt: Date,
): RunResult {
  const vendors = [...results].map(([id, checks]) => ({
    id,
    name: getVendor(id).name,
    baseUrl: urlOf(id),
    checks,
  }));
  const checks = vendors.flatMap((vendor) => vendor.checks);
  const totals = Object.fromEntries(
    OUTCOMES.map((outcome) => [outcome, checks.filter((check) => check.outcome === outcome).length]),
  ) as RunResult['totals'];
  const finishedAt = new Date();
  return {
    schemaVersion: 1,
    tool: { name: 'error-contracts', version: '0.1.0' },
    target: 'local',
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    wallTimeMs: finishedAt.getTime() - startedAt.getTime(),
    simulatedWaitMs: checks.reduce((sum, check) => sum + check.simulatedWaitMs, 0),
    requests: checks.reduce((sum, check) => sum + check.requests, 0),
    vendors,
    totals,
  };
}
