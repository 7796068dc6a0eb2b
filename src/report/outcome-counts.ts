import { OUTCOMES, type Outcome, type VendorRun } from './result.js';

export function emptyCounts(): Record<Outcome, number> {
  return Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
}

/** How many checks have each outcome: what a RunResult's `totals` must say. */
export function countOutcomes(checks: Iterable<{ outcome: Outcome }>): Record<Outcome, number> {
  const counts = emptyCounts();
  for (const check of checks) counts[check.outcome]++;
  return counts;
}

/** The totals of a run's checks over every vendor. */
export function runTotals(vendors: readonly VendorRun[]): Record<Outcome, number> {
  return countOutcomes(vendors.flatMap((vendor) => vendor.checks));
}
