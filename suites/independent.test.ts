/**
 * The "done when" of issue 11: every vendor's full checklist against a second, independent
 * implementation (test/independent: its own routes, ids and credentials, written from the vendor
 * docs), configured only through the sandbox config its directory yields (base URL, credentials,
 * operations, facts; no per-check override), on the sandbox code path. A clean run fails nothing;
 * each seeded one-rule bug a sandbox run can reach adds a failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistFor } from '../src/conformance/checklist.js';
import { runCheck } from '../src/conformance/execute.js';
import type { CheckResult } from '../src/report/result.js';
import { parseRunConfig, resolveSandboxConfig } from '../src/runner/config/sandbox-config.js';
import { createHttpTarget } from '../src/runner/targets/http-target.js';
import { advancingClock } from '../src/runner/targets/simulator-side.js';
import { VirtualClock } from '../src/time/clock.js';
import { type VendorId, vendorIds } from '../src/vendors/registry.js';
import { sandboxConfig } from '../test/independent/config.js';
import { BUGS_WITHOUT_MAGIC, type BugId, startIndependentVendors } from '../test/independent/index.js';

/** One vendor's whole checklist against a fresh independent implementation, on a virtual clock. */
async function runAgainstIndependent(
  vendorId: VendorId,
  bugs: readonly BugId[] = [],
): Promise<CheckResult[]> {
  const clock = new VirtualClock(Date.parse('2026-03-02T09:00:00Z'));
  const vendors = await startIndependentVendors({ vendors: [vendorId], bugs, now: () => clock.now() });
  try {
    // Exactly what a sandbox config file would hold, through the same parser and resolution.
    const file = parseRunConfig(JSON.parse(JSON.stringify(sandboxConfig(vendors.directory))), 'independent');
    const target = createHttpTarget({
      vendors: resolveSandboxConfig(file, {}),
      clock: advancingClock(clock),
    });
    const results: CheckResult[] = [];
    const timed = { now: () => clock.now(), sleep: (ms: number) => clock.sleep(ms) };
    for (const check of checklistFor(vendorId)) results.push(await runCheck(vendorId, target, check, timed));
    return results;
  } finally {
    await vendors.close();
  }
}

/** Each failure as `check: message`, so a bug in a check that already fails is still seen. */
const failures = (results: readonly CheckResult[]) =>
  results.flatMap((result) => result.failures.map((failure) => `${result.id}: ${failure.message}`));

const clean = new Map<VendorId, CheckResult[]>();
beforeAll(async () => {
  for (const vendorId of vendorIds) clean.set(vendorId, await runAgainstIndependent(vendorId));
}, 120_000);
afterAll(() => clean.clear());

describe('the independent implementation, configured only through the sandbox config', () => {
  it.each(vendorIds)('%s: the config needs no per-check override and the checks run', (vendorId) => {
    const results = clean.get(vendorId) ?? [];
    expect(results.map((result) => result.id)).toEqual(checklistFor(vendorId).map((check) => check.id));
    // Nothing is held back for want of a fact or an operation: the config names them all.
    const unbound = results.filter(
      (result) => result.outcome === 'skipped' && /facts\.|operations\./.test(result.reason ?? ''),
    );
    expect(unbound.map((result) => `${result.id}: ${result.reason}`)).toEqual([]);
  });

  it.each(vendorIds)('%s: fails nothing, and every provoking request provoked its error', (vendorId) => {
    // Where the docs leave room this implementation takes other readings than the simulator's:
    // those may come back as drift, never as a failure.
    const results = clean.get(vendorId) ?? [];
    expect(failures(results)).toEqual([]);
  });
});

describe('each seeded one-rule bug a sandbox run can reach', () => {
  it.each(BUGS_WITHOUT_MAGIC)(
    '%s adds a failure the clean run does not have',
    async (bug) => {
      const vendorId = bug.split('.')[0] as VendorId;
      const before = new Set(failures(clean.get(vendorId) ?? []));
      const after = failures(await runAgainstIndependent(vendorId, [bug]));
      expect(after.filter((failure) => !before.has(failure))).not.toEqual([]);
    },
    60_000,
  );
});
