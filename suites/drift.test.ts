import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runChecklist } from '../src/conformance/index.js';
import { type VendorId, vendorIds } from '../src/index.js';
import { DRIFT_KINDS, type RunningSimulator, startSimulator, VirtualClock } from '../src/simulator/index.js';
import { driftCasesFor } from './drift-cases.js';
import { simulatorTarget } from './simulator-target.js';

const clock = new VirtualClock();
let running: RunningSimulator | undefined;
const sim = () => {
  if (!running) throw new Error('The simulator is not running yet.');
  return running;
};
const target = simulatorTarget(sim, clock);

// One server for every case: the variants are switched between checklist runs, not restarted.
beforeAll(async () => {
  running = await startSimulator({ clock });
});

afterEach(() => {
  sim().drift.set([]);
});

afterAll(async () => {
  await running?.close();
});

const failedChecks = async (vendorId: VendorId) => {
  const results = await runChecklist(vendorId, target, { clock });
  return results.filter((result) => result.outcome === 'fail');
};

const cases = vendorIds.flatMap((vendorId) => driftCasesFor(vendorId));
const label = (variant: (typeof cases)[number]['variant']) =>
  'code' in variant ? `${variant.kind} on ${variant.code}` : `${variant.kind} on HTTP ${variant.status}`;

describe('the checklist catches a simulator that breaks one documented rule', () => {
  it.each(vendorIds)('passes every %s check while the simulator breaks nothing', async (vendorId) => {
    expect((await failedChecks(vendorId)).map((result) => result.id)).toEqual([]);
  });

  it.each(vendorIds)('has at least one drift variant for %s', (vendorId) => {
    expect(cases.filter((entry) => entry.vendorId === vendorId).length).toBeGreaterThanOrEqual(1);
  });

  it.each(DRIFT_KINDS)('exercises the %s variant for at least one vendor', (kind) => {
    expect(cases.some((entry) => entry.variant.kind === kind)).toBe(true);
  });

  it.each(
    cases.map(
      (entry) =>
        [
          entry.vendorId,
          label(entry.variant),
          entry.outcome === 'fail'
            ? `${entry.failing.join(' and ')} fail`
            : `${entry.checkId} reports drift (an inferred reading)`,
          entry,
        ] as const,
    ),
  )(
    '%s with %s: %s, and no other check fails',
    async (vendorId, _label, _says, { variant, message, checkId, failing, outcome }) => {
      sim().drift.set([variant]);
      const results = await runChecklist(vendorId, target, { clock });
      const failed = results.filter((result) => result.outcome === 'fail');
      expect(failed.map((result) => result.id).sort()).toEqual([...failing].sort());
      const broken = results.find((result) => result.id === checkId);
      expect(broken?.outcome).toBe(outcome);
      const notes = outcome === 'fail' ? broken?.failures : broken?.drift;
      expect(notes?.map((note) => note.message.startsWith(message))).toContain(true);
    },
  );
});
