import type { ConformanceTarget } from '../src/conformance/index.js';
import { DEFAULT_LIMITS } from '../src/conformance/types.js';
import {
  advancingClock,
  simulatorMembers,
  simulatorSide,
  VIRTUAL_TIME_LIMITS,
} from '../src/runner/targets/simulator-side.js';
import {
  type RunningSimulator,
  type StartSimulatorOptions,
  startSimulator,
  VirtualClock,
} from '../src/simulator/index.js';

/**
 * The embedded simulator as a conformance target for suites that drive one simulator directly
 * (drift variants switched between runs): the runner's own simulator side supplies reset, held
 * writes and the hooks, and the virtual clock advances instead of sleeping. Credentials are read
 * from the simulator on every call, so a reset never leaves a forgotten token cached.
 */
export function simulatorTarget(sim: () => RunningSimulator, clock: VirtualClock): ConformanceTarget {
  const time = advancingClock(clock);
  return {
    baseUrl: (vendorId) => sim().url(vendorId),
    credentials: (vendorId) => sim().credentials(vendorId),
    now: time.now,
    wait: time.sleep,
    limits: { ...DEFAULT_LIMITS, ...VIRTUAL_TIME_LIMITS },
    ...simulatorMembers(simulatorSide(sim, clock)),
  };
}

/**
 * One simulator for a suite, on its own virtual clock: `start` in beforeAll, `close` in afterAll,
 * and `sim`, `target` and `clock` for the tests in between.
 */
export function suiteSimulator(options: Omit<StartSimulatorOptions, 'clock'> = {}) {
  const clock = new VirtualClock();
  let running: RunningSimulator | undefined;
  const sim = () => {
    if (!running) throw new Error('The simulator is not running yet.');
    return running;
  };
  return {
    clock,
    sim,
    target: simulatorTarget(sim, clock),
    start: async () => {
      running = await startSimulator({ ...options, clock });
    },
    close: async () => {
      await running?.close();
    },
  };
}
