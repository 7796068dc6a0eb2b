/** Builds the RunResult the reporters take from the checks a run collected. */
import { checklistFor } from '../conformance/checklist.js';
import { runTotals } from '../report/outcome-counts.js';
import type { CheckResult, RunResult, VendorRun } from '../report/result.js';
import { getVendor, type VendorId } from '../vendors/registry.js';
import type { CheckMeta } from './check-session.js';
import { toolInfo } from './package-root.js';
import type { RunOptions } from './run-options.js';

export interface RunTiming {
  startedAt: Date;
  finishedAt: Date;
}

/**
 * Vendors in the order the run named them, checks in checklist order whatever order their results
 * arrived in (the test runner reports them as they come, which need not be the order they ran), so
 * two runs of the same checks compare row by row. A vendor with no collected check still appears,
 * so a report never hides that one was asked for.
 */
export function assembleResult(
  options: RunOptions,
  checks: readonly CheckMeta[],
  timing: RunTiming,
): RunResult {
  const vendors: VendorRun[] = options.vendors.map((id) => {
    const own = checks.filter((check) => check.vendorId === id);
    const baseUrl = own[0]?.baseUrl;
    return {
      id,
      name: getVendor(id).name,
      ...(baseUrl ? { baseUrl } : {}),
      checks: inChecklistOrder(
        id,
        own.map((check) => check.result),
      ),
    };
  });
  const all = vendors.flatMap((vendor) => vendor.checks);
  return {
    schemaVersion: 1,
    tool: toolInfo(),
    target: options.target,
    startedAt: timing.startedAt.toISOString(),
    finishedAt: timing.finishedAt.toISOString(),
    wallTimeMs: timing.finishedAt.getTime() - timing.startedAt.getTime(),
    simulatedWaitMs: all.reduce((sum, check) => sum + check.simulatedWaitMs, 0),
    requests: all.reduce((sum, check) => sum + check.requests, 0),
    ...(options.only ? { only: [...new Set(options.only)] } : {}),
    vendors,
    totals: runTotals(vendors),
  };
}

/** A vendor's results sorted by their place in its checklist; an id it does not know goes last. */
function inChecklistOrder(vendorId: VendorId, results: CheckResult[]): CheckResult[] {
  const place = new Map(checklistFor(vendorId).map((check, index) => [check.id, index]));
  const rank = (result: CheckResult) => place.get(result.id) ?? place.size;
  return [...results].sort((a, b) => rank(a) - rank(b));
}
