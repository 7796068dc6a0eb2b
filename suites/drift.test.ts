import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistFor, runChecklist, type ScenarioCheck } from '../src/conformance/index.js';
import { getVendor, type VendorId, vendorIds } from '../src/index.js';
import { type RunningSimulator, startSimulator, VirtualClock } from '../src/simulator/index.js';
import { simulatorTarget } from './simulator-target.js';

const clock = new VirtualClock();
let running: RunningSimulator | undefined;
const sim = () => {
  if (!running) throw new Error('The simulator is not running yet.');
  return running;
};

beforeAll(async () => {
  running = await startSimulator({ clock });
});

afterAll(async () => {
  await running?.close();
});

/**
 * A check whose single request can be broken by a route fault without touching anything else: no
 * setup or background requests (which would consume the fault first), a literal path, and another
 * catalog code of the same surface with a different status to answer with instead.
 */
function breakable(vendorId: VendorId): { check: ScenarioCheck; wrongCode: string } | undefined {
  const { catalog } = getVendor(vendorId);
  for (const check of checklistFor(vendorId)) {
    if (check.kind !== 'scenario') continue;
    const { scenario } = check;
    if (scenario.setup?.length || scenario.background || /[{?]/.test(scenario.request.path)) continue;
    const entry = catalog.find((candidate) => candidate.code === check.code);
    const wrong = catalog.find(
      (candidate) => candidate.surface === entry?.surface && candidate.status !== entry?.status,
    );
    if (entry?.surface === 'api' && wrong) return { check, wrongCode: wrong.code };
  }
  return undefined;
}

const variants = vendorIds.flatMap((vendorId) => {
  const found = breakable(vendorId);
  return found ? [[vendorId, found.check.id, found] as const] : [];
});

describe('the checklist catches a simulator that answers one path wrongly', () => {
  it('finds a breakable check for most vendors', () => {
    expect(variants.length).toBeGreaterThanOrEqual(4);
  });

  it.each(variants)(
    '%s: %s fails and no other check does',
    async (vendorId, checkId, { check, wrongCode }) => {
      const base = simulatorTarget(sim, clock);
      const target = {
        ...base,
        // The simulator's own fault injection plays the drifted vendor: the checked request, and only
        // it, gets another documented code with another status.
        beforeCheck: async (id: VendorId, planned: Parameters<NonNullable<typeof base.beforeCheck>>[1]) => {
          await base.beforeCheck?.(id, planned);
          if (planned.id === checkId) {
            const { method, path } = check.scenario.request;
            sim().faults.inject(id, { route: path, method, code: wrongCode, count: 1 });
          }
        },
      };
      const results = await runChecklist(vendorId, target, { clock });
      const failed = results.filter((result) => result.outcome === 'fail').map((result) => result.id);
      expect(failed).toEqual([checkId]);
      const broken = results.find((result) => result.id === checkId);
      expect(broken?.failures.map((failure) => failure.message)).toContain(
        'The status is not the catalog’s.',
      );
    },
  );
});
