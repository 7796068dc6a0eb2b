import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistFor, runChecklist } from '../src/conformance/index.js';
import { getVendor, type VendorId, vendorIds } from '../src/index.js';
import { CHECKLIST_PATHS } from '../src/report/paths.js';
import { type CheckResult, OUTCOMES, type RunResult } from '../src/report/result.js';
import { validateRunResult } from '../src/report/validate-result.js';
import {
  type RunningSimulator,
  startSimulator,
  statusScenariosFor,
  VirtualClock,
} from '../src/simulator/index.js';
import { simulatorTarget } from './simulator-target.js';

const clock = new VirtualClock();
let running: RunningSimulator | undefined;
const sim = () => {
  if (!running) throw new Error('The simulator is not running yet.');
  return running;
};
const target = simulatorTarget(sim, clock);
const results = new Map<VendorId, CheckResult[]>();
const startedAt = new Date();

// The whole checklist runs once up front; the tests below then read one result each, so a
// failure names its vendor and check while the run itself stays one pass over the simulator.
beforeAll(async () => {
  running = await startSimulator({ clock });
  for (const vendorId of vendorIds) results.set(vendorId, await runChecklist(vendorId, target, { clock }));
});

afterAll(async () => {
  await running?.close();
});

describe.each(vendorIds)('the %s checklist against the local simulator', (vendorId) => {
  const resultOf = (id: string) => {
    const result = results.get(vendorId)?.find((candidate) => candidate.id === id);
    if (!result) throw new Error(`No result for ${id}.`);
    return result;
  };

  it.each(checklistFor(vendorId).map((check) => [check.id, check] as const))('%s holds', (id) => {
    const result = resultOf(id);
    if (result.outcome === 'not_applicable' || result.outcome === 'skipped') {
      expect(result.reason.length).toBeGreaterThan(0);
      expect(result.requests).toBe(0);
    } else {
      expect(result.failures).toEqual([]);
      expect(result.outcome).toBe('pass');
      expect(result.exchanges).toHaveLength(1);
      expect(result.requests).toBeGreaterThanOrEqual(1);
    }
  });

  it('covers every matrix row, by a check or by a reason it does not apply', () => {
    const paths = new Set(results.get(vendorId)?.map((result) => result.path));
    expect(paths.size).toBe(12);
  });

  it('skips nothing: every documented row is checked, the rest are not applicable', () => {
    const skipped = results.get(vendorId)?.filter((result) => result.outcome === 'skipped');
    expect(skipped?.map((result) => result.id)).toEqual([]);
  });
});

// Only vendors that document statuses without codes have these checks to look at.
const codeless = vendorIds.filter((vendorId) => statusScenariosFor(vendorId).length > 0);

describe.each(codeless)('the %s statuses documented without a code', (vendorId) => {
  const statusChecks = checklistFor(vendorId).flatMap((check) => (check.kind === 'status' ? [check] : []));

  it('have one check per status scenario', () => {
    expect(statusChecks.map((check) => check.scenario)).toEqual(statusScenariosFor(vendorId));
  });

  it.each(statusChecks.map((check) => [check.id, check] as const))(
    '%s passes on the matrix row of its status, recording the answer',
    (id, check) => {
      const result = results.get(vendorId)?.find((candidate) => candidate.id === id);
      expect(result?.outcome).toBe('pass');
      expect(result?.exchanges[0]?.response?.status).toBe(check.status);
      // The row's status column ("403", "400/422", "5xx") must hold the status…
      const column = CHECKLIST_PATHS.find((path) => path.id === result?.path)?.status.split('/') ?? [];
      const status = String(check.status);
      expect(column.some((cell) => cell === status || (cell.endsWith('xx') && cell[0] === status[0]))).toBe(
        true,
      );
      // …and where the scenario names its row (two rows share 403), it is that row.
      if (check.scenario.path) expect(result?.path).toBe(check.scenario.path);
    },
  );
});

describe('the run result', () => {
  it('validates against the published run-result schema', () => {
    const vendors = vendorIds.map((id) => ({
      id,
      name: getVendor(id).name,
      baseUrl: sim().url(id),
      checks: results.get(id) ?? [],
    }));
    const checks = vendors.flatMap((vendor) => vendor.checks);
    const totals = Object.fromEntries(
      OUTCOMES.map((outcome) => [outcome, checks.filter((check) => check.outcome === outcome).length]),
    ) as RunResult['totals'];
    const finishedAt = new Date();
    const result: RunResult = {
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
    const validation = validateRunResult(result);
    expect(validation.valid ? [] : validation.issues).toEqual([]);
    expect(totals.fail).toBe(0);
  });
});
