import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistFor, runChecklist } from '../src/conformance/index.js';
import { type VendorId, vendorIds } from '../src/index.js';
import type { CheckResult } from '../src/report/result.js';
import { validateRunResult } from '../src/report/validate-result.js';
import { type RunningSimulator, startSimulator, VirtualClock } from '../src/simulator/index.js';
import { localRunResult } from './local-run-result.js';
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
});

describe('the run result', () => {
  it('validates against the published run-result schema', () => {
    const result = localRunResult(results, (id) => sim().url(id), startedAt);
    const validation = validateRunResult(result);
    expect(validation.valid ? [] : validation.issues).toEqual([]);
    expect(result.totals.fail).toBe(0);
  });
});
