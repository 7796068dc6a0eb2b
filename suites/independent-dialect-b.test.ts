/**
 * Issue 16's "done when", second dialect: every vendor's full checklist against dialect B
 * (test/independent/dialect-b: other routes, methods, bodies, integer ids, no list endpoints, a
 * small quota, bodies judged as they arrive), reached only through the config its user writes
 * from its API references (test/independent/dialect-b-config.ts), on the sandbox code path. A
 * clean run fails nothing and skips nothing for want of configuration; each seeded one-rule bug
 * fails the check of the rule it breaks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistFor } from '../src/conformance/checklist.js';
import { runCheck } from '../src/conformance/execute.js';
import type { CheckResult } from '../src/report/result.js';
import { parseRunConfig, resolveSandboxConfig } from '../src/runner/config/sandbox-config.js';
import { createHttpTarget } from '../src/runner/targets/http-target.js';
import { advancingClock } from '../src/runner/targets/simulator-side.js';
import { VirtualClock } from '../src/time/clock.js';
import type { VendorId } from '../src/vendors/registry.js';
import { namesCheck, vendorOfBug } from '../test/independent/bugs.js';
import { startDialectB } from '../test/independent/dialect-b/index.js';
import { loadDialectBVendors } from '../test/independent/dialect-b/vendors.js';
import {
  type DialectBCatch,
  dialectBCaughtBy,
  dialectBConfigFor,
} from '../test/independent/dialect-b-config/index.js';

/** The vendors with a dialect B folder; a vendor without one is simply not in this suite. */
const LOADED = await loadDialectBVendors();
const vendorIds = LOADED.map((vendor) => vendor.id as VendorId);

/** One vendor's whole checklist against a fresh start of dialect B, on a virtual clock. */
async function runAgainstDialectB(vendorId: VendorId, bugs: readonly string[] = []): Promise<CheckResult[]> {
  return (await runWithConfig(vendorId, bugs)).results;
}

/** The run, and the checks its config points at a request of their own (`checks.<id>.request`). */
async function runWithConfig(
  vendorId: VendorId,
  bugs: readonly string[] = [],
): Promise<{ results: CheckResult[]; overridden: string[] }> {
  const clock = new VirtualClock(Date.parse('2026-03-02T09:00:00Z'));
  const dialect = await startDialectB({ vendors: [vendorId], bugs, now: () => clock.now() });
  try {
    const directory = dialect.directory[vendorId];
    if (!directory) throw new Error(`dialect B did not start ${vendorId}`);
    const vendorConfig = await dialectBConfigFor(vendorId, directory);
    const overridden = Object.entries(vendorConfig.checks ?? {})
      .filter(([, entry]) => 'request' in entry)
      .map(([id]) => id);
    const config = { vendors: { [vendorId]: vendorConfig } };
    // Exactly what a config file would hold, through the same parser and resolution.
    const file = parseRunConfig(JSON.parse(JSON.stringify(config)), 'dialect B');
    const target = createHttpTarget({
      vendors: resolveSandboxConfig(file, {}),
      clock: advancingClock(clock),
    });
    const timed = { now: () => clock.now(), sleep: (ms: number) => clock.sleep(ms) };
    const results: CheckResult[] = [];
    for (const check of checklistFor(vendorId)) {
      results.push(await runCheck(vendorId, target, check, timed));
    }
    return { results, overridden };
  } finally {
    await dialect.close();
  }
}

/** Each failure as `check: message`. */
const failures = (results: readonly CheckResult[]) =>
  results.flatMap((result) => result.failures.map((failure) => `${result.id}: ${failure.message}`));

const clean = new Map<VendorId, CheckResult[]>();
const overriddenChecks = new Map<VendorId, string[]>();
beforeAll(async () => {
  for (const vendorId of vendorIds) {
    const { results, overridden } = await runWithConfig(vendorId);
    clean.set(vendorId, results);
    overriddenChecks.set(vendorId, overridden);
  }
}, 240_000);
afterAll(() => clean.clear());

describe('dialect B, configured only through the config its user writes from its references', () => {
  it.each(vendorIds)(
    '%s: every check runs; none is held back for want of a fact, an operation or a credential',
    (vendorId) => {
      const unbound = (clean.get(vendorId) ?? []).filter(
        (result) =>
          result.outcome === 'skipped' &&
          /facts\.|operations\.|No credential configured/.test(result.reason ?? ''),
      );
      expect(unbound.map((result) => `${result.id}: ${result.reason}`)).toEqual([]);
    },
  );

  it.each(vendorIds)('%s: fails nothing, and every provoking request provoked its error', (vendorId) => {
    expect(failures(clean.get(vendorId) ?? [])).toEqual([]);
  });

  it('runs the documented server errors through the failing records its references name', () => {
    // Every check the config points at a failing record runs on the sandbox path and passes.
    const outcomes = vendorIds.flatMap((vendorId) =>
      (overriddenChecks.get(vendorId) ?? []).map((id) => {
        const outcome = (clean.get(vendorId) ?? []).find((result) => result.id === id)?.outcome;
        return `${vendorId} ${id}: ${outcome}`;
      }),
    );
    expect(outcomes).not.toEqual([]);
    expect(outcomes.filter((line) => !line.endsWith(': pass'))).toEqual([]);
  });
});

/**
 * Every seeded bug of dialect B, and the check of the rule it breaks (by the bug tables in the
 * vendor references), from each vendor's `dialect-b-config/<v>/caught-by.ts`. `uncaught` says why
 * no check can, or may, catch the bug on a sandbox.
 */
const CAUGHT_BY: Record<string, DialectBCatch> = Object.assign(
  {},
  ...(await Promise.all(vendorIds.map((vendorId) => dialectBCaughtBy(vendorId)))),
);

const REGISTRY: readonly string[] = LOADED.flatMap((vendor) => vendor.bugs.map((bug) => bug.id));

describe('each seeded bug of dialect B', () => {
  it('has a row in the catch table, and the table names no other bug', () => {
    expect(Object.keys(CAUGHT_BY).sort()).toEqual([...REGISTRY].sort());
  });

  for (const bug of REGISTRY.filter((id) => CAUGHT_BY[id]?.uncaught === undefined)) {
    const caught = CAUGHT_BY[bug] as DialectBCatch;
    it(`${bug} fails the check of the rule it breaks`, async () => {
      const vendorId = vendorOfBug(bug) as VendorId;
      const before = new Set(failures(clean.get(vendorId) ?? []));
      const added = failures(await runAgainstDialectB(vendorId, [bug])).filter(
        (failure) => !before.has(failure),
      );
      const checks = added.map((failure) => failure.slice(0, failure.indexOf(':')));
      expect(
        checks.filter((id) => namesCheck(caught.checks, id)),
        added.join('\n'),
      ).not.toEqual([]);
    }, 120_000);
  }

  it('names the bugs no sandbox check can reach, and why', () => {
    const uncaught = REGISTRY.map((bug) => [bug, CAUGHT_BY[bug]?.uncaught] as const).filter(
      ([, reason]) => reason !== undefined,
    );
    expect(uncaught).not.toEqual([]);
    for (const [bug, reason] of uncaught) expect(reason, bug).toMatch(/\w+ \w+ \w+/);
  });
});
