import type { ConformanceTarget } from '../src/conformance/index.js';
import { DEFAULT_LIMITS } from '../src/conformance/types.js';
import {
  type RunningSimulator,
  type StartSimulatorOptions,
  startSimulator,
  VirtualClock,
} from '../src/simulator/index.js';

/** Turns in the event loop to wait for a held request to reach the simulator before giving up. */
const BACKGROUND_TURNS = 2_000;

/**
 * The embedded simulator as a conformance target: every check starts from the seeded state, and a
 * write held in flight is let go by advancing the virtual clock rather than by sleeping.
 */
export function simulatorTarget(sim: () => RunningSimulator, clock: VirtualClock): ConformanceTarget {
  return {
    baseUrl: (vendorId) => sim().url(vendorId),
    credentials: (vendorId) => sim().credentials(vendorId),
    now: () => clock.now(),
    wait: async (ms) => clock.advance(ms),
    beforeCheck: (vendorId) => {
      sim().reset(vendorId);
      sim().faults.clear(vendorId);
    },
    waitForBackground: async (vendorId) => {
      for (let turn = 0; turn < BACKGROUND_TURNS; turn++) {
        // A held write sleeps on the virtual clock once it has passed the idempotency store, so a
        // sleeper shows it has arrived even on a drifted simulator that keeps no key in flight.
        if (clock.pendingSleepers > 0 || sim().stats(vendorId).idempotencyInFlight > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      throw new Error('The background request never reached the simulator.');
    },
    releaseBackground: () => clock.advance(60_000),
    // Waits cost nothing on the virtual clock, so no advertised wait is too long to verify.
    limits: { ...DEFAULT_LIMITS, maxWaitMs: Number.POSITIVE_INFINITY },
    simulator: {
      injectFault: (vendorId, spec) => sim().faults.inject(vendorId, spec),
      stats: (vendorId) => sim().stats(vendorId),
    },
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
