import type { ConformanceTarget } from '../../conformance/types.js';
import { ErrorContractsError } from '../../errors.js';
import type { SimulatorControls } from '../../simulator/simulator-core.js';
import type { VirtualClock } from '../../time/clock.js';
import type { VendorId } from '../../vendors/registry.js';
import type { SimulatorSide } from './http-target.js';

/** Turns of the event loop to wait for a held request to reach the simulator before giving up. */
const BACKGROUND_TURNS = 2_000;
/** Far beyond any hold a scenario arms, so advancing by it always lets a held write finish. */
const RELEASE_MS = 60_000;

/**
 * The simulator-only half of a target: every check starts from the seeded state, and a write
 * held in flight is let go by advancing the virtual clock rather than by sleeping. `controls`
 * picks the controls that serve a vendor (one server for all, or one nock mount each).
 */
export function simulatorSide(
  controls: (vendorId: VendorId) => SimulatorControls,
  clock: VirtualClock,
): SimulatorSide {
  return {
    hooks: {
      injectFault: (vendorId, spec) => controls(vendorId).faults.inject(vendorId, spec),
      stats: (vendorId) => controls(vendorId).stats(vendorId),
    },
    reset: (vendorId) => {
      controls(vendorId).reset(vendorId);
      controls(vendorId).faults.clear(vendorId);
    },
    waitForBackground: async (vendorId) => {
      for (let turn = 0; turn < BACKGROUND_TURNS; turn++) {
        // A held write sleeps on the virtual clock once it has passed the idempotency store, so a
        // sleeper shows it has arrived even on a drifted simulator that keeps no key in flight.
        if (clock.pendingSleepers > 0 || controls(vendorId).stats(vendorId).idempotencyInFlight > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      throw new ErrorContractsError('ERR_INTERNAL', 'The background request never reached the simulator.');
    },
    releaseBackground: () => clock.advance(RELEASE_MS),
  };
}

/** On the simulator's virtual clock a wait costs nothing, so no advertised wait is too long. */
export const VIRTUAL_TIME_LIMITS = { maxWaitMs: Number.POSITIVE_INFINITY } as const;

/**
 * The members of a target that only the simulator side supplies, in ConformanceTarget's terms:
 * the same wiring for the HTTP target and for suites that drive a simulator directly.
 */
export function simulatorMembers(
  side: SimulatorSide,
): Required<
  Pick<ConformanceTarget, 'beforeCheck' | 'waitForBackground' | 'releaseBackground' | 'simulator'>
> {
  return {
    beforeCheck: (vendorId) => side.reset(vendorId),
    waitForBackground: (vendorId) => side.waitForBackground(vendorId),
    releaseBackground: (vendorId) => side.releaseBackground(vendorId),
    simulator: side.hooks,
  };
}

/** A virtual clock as a target's clock: sleeping advances it, so waits cost no wall time. */
export function advancingClock(clock: VirtualClock) {
  return {
    now: () => clock.now(),
    sleep: async (ms: number) => clock.advance(Math.max(0, ms)),
  };
}
