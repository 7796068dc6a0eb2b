import { afterAll, describe, expect, it } from 'vitest';
import { checklistPathIds } from '../src/report/paths.js';
import type { CheckResult } from '../src/report/result.js';
import { type ConformanceSuiteOptions, defineConformanceSuite } from '../src/runner/vitest/define-suite.js';
import type { VendorId } from '../src/vendors/registry.js';

/**
 * Every vendor's checklist against one simulator target, plus what a pass alone would not show:
 * every matrix row is answered by a check or by a reason, and a check that did not run sent nothing.
 */
export function defineSimulatorConformance(
  options: Omit<ConformanceSuiteOptions, 'onResult'> & { allowSkipped: boolean },
): void {
  const results = new Map<VendorId, CheckResult[]>();
  defineConformanceSuite({
    ...options,
    onResult: (vendorId, result) => results.set(vendorId, [...(results.get(vendorId) ?? []), result]),
  });

  describe(`the ${options.target} run as a whole`, () => {
    afterAll(() => results.clear());
    it.each(options.vendors.map((id) => [id]))(
      '%s answers every matrix row with a check or a reason',
      (id) => {
        const checks = results.get(id) ?? [];
        expect(new Set(checks.map((check) => check.path))).toEqual(new Set(checklistPathIds));
        for (const check of checks) {
          if (check.outcome === 'skipped' || check.outcome === 'not_applicable') {
            expect(check.reason.length, check.id).toBeGreaterThan(0);
            expect(check.requests, check.id).toBe(0);
          } else {
            expect(check.exchanges.length, check.id).toBeGreaterThan(0);
          }
        }
      },
    );
    // Against the simulator, drift means the simulator and the schemas disagree: a bug here.
    it.each(options.vendors.map((id) => [id]))('%s drifts nowhere against the simulator', (id) => {
      const drifted = (results.get(id) ?? []).filter((check) => check.outcome === 'drift');
      expect(
        drifted.map((check) => `${check.id}: ${check.drift.map((note) => note.message).join('; ')}`),
      ).toEqual([]);
    });
    if (!options.allowSkipped) {
      it.each(options.vendors.map((id) => [id]))(
        '%s skips nothing: every row is checked or does not apply',
        (id) => {
          // A `path.<row>` entry is skipped by the checklist itself (a row no scenario of its own
          // exercises), on every target alike; the target must skip nothing else.
          const skipped = (results.get(id) ?? []).filter(
            (check) => check.outcome === 'skipped' && !check.id.startsWith('path.'),
          );
          expect(skipped.map((check) => `${check.id}: ${check.reason}`)).toEqual([]);
        },
      );
    }
  });
}
