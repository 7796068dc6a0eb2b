import { UnknownVendorError } from '../errors.js';
import type { FaultSpec, RuntimeStats } from '../scenarios/simulator-controls.js';
import { type Clock, realClock } from '../time/clock.js';
import { findCatalogEntry, isVendorId, type VendorId, vendorIds } from '../vendors/registry.js';
import { type DriftControls, DriftSwitch } from './drift-switch.js';
import type { DriftVariant } from './drift-variants.js';
import { UncataloguedCodeError } from './errors-response.js';
import { FaultInjector } from './fault-injection.js';
import type { VendorCredentials } from './types.js';
import { createVendorRuntime, type SimulatorVariant, type VendorRuntime } from './vendor-runtime.js';
import { vendorModels } from './vendors/index.js';

export interface SimulatorCoreOptions {
  /** Which vendors to simulate; all of them when absent. */
  vendors?: readonly VendorId[];
  /** The real clock unless a virtual one is injected. */
  clock?: Clock;
  /** Caps on each vendor's bounded stores. */
  maxIdempotencyRecords?: number;
  maxRateLimitWindows?: number;
  /** Requests a delay fault may hold at once, per vendor (1000 by default). */
  maxHeldRequests?: number;
  /**
   * Credentials to accept as if they were the test credentials they map to (alias -> real), for
   * runs that must use sentinel secrets. See credential-aliases.ts.
   */
  credentialAliases?: Readonly<Record<string, string>>;
  /** Documented rules to break from the start (see drift-variants.ts); switchable later by `drift.set`. */
  drift?: readonly DriftVariant[];
  /** Break one documented promise on purpose (drift tests); every promise is kept when absent. */
  variant?: SimulatorVariant;
}

/** Controls shared by every transport. */
export interface SimulatorControls {
  readonly vendors: readonly VendorId[];
  readonly clock: Clock;
  readonly faults: {
    /** Fails the next `count` matching requests to this vendor. */
    inject(vendorId: VendorId, spec: FaultSpec): void;
    clear(vendorId?: VendorId): void;
  };
  /** Back to the seeded state (one vendor, or all). */
  reset(vendorId?: VendorId): void;
  stats(vendorId: VendorId): RuntimeStats;
  /** Which documented rules the simulator breaks on purpose; none unless set. Reset leaves it alone. */
  readonly drift: DriftControls;
}

export interface SimulatorCore extends SimulatorControls {
  runtime(vendorId: VendorId): VendorRuntime;
  credentials(vendorId: VendorId, baseUrl: string): VendorCredentials;
}

export function createSimulatorCore(options: SimulatorCoreOptions = {}): SimulatorCore {
  const clock = options.clock ?? realClock;
  const injector = new FaultInjector();
  const chosen = options.vendors?.length ? [...new Set(options.vendors)] : [...vendorIds];
  for (const id of chosen) if (!isVendorId(id)) throw new UnknownVendorError(id, vendorIds);
  const drift = new DriftSwitch(chosen, options.drift);
  const runtimes = new Map<VendorId, VendorRuntime>(
    chosen.map((id) => [
      id,
      createVendorRuntime(vendorModels[id], {
        clock,
        faults: injector,
        drift,
        ...(options.maxIdempotencyRecords === undefined
          ? {}
          : { maxIdempotencyRecords: options.maxIdempotencyRecords }),
        ...(options.maxRateLimitWindows === undefined
          ? {}
          : { maxRateLimitWindows: options.maxRateLimitWindows }),
        ...(options.maxHeldRequests === undefined ? {} : { maxHeldRequests: options.maxHeldRequests }),
        ...(options.credentialAliases === undefined
          ? {}
          : { credentialAliases: new Map(Object.entries(options.credentialAliases)) }),
        ...(options.variant === undefined ? {} : { variant: options.variant }),
      }),
    ]),
  );
  const runtime = (vendorId: VendorId): VendorRuntime => {
    const found = runtimes.get(vendorId);
    if (!found) throw new UnknownVendorError(vendorId, chosen);
    return found;
  };
  return {
    vendors: chosen,
    clock,
    faults: {
      inject: (vendorId, spec) => {
        runtime(vendorId);
        if (spec.code !== undefined && !findCatalogEntry(vendorId, spec.code)) {
          throw new UncataloguedCodeError(vendorId, spec.code);
        }
        injector.inject(vendorId, spec);
      },
      clear: (vendorId) => injector.clear(vendorId),
    },
    reset: (vendorId) => {
      for (const id of vendorId ? [vendorId] : chosen) runtime(id).reset();
    },
    stats: (vendorId) => runtime(vendorId).stats(),
    drift,
    runtime,
    credentials: (vendorId, baseUrl) => runtime(vendorId).model.credentials(baseUrl),
  };
}

/** The controls a transport hands its caller, taken from the core so every transport offers the same. */
export function controlsOf(core: SimulatorCore): SimulatorControls {
  return {
    vendors: core.vendors,
    clock: core.clock,
    faults: core.faults,
    reset: core.reset,
    stats: core.stats,
    drift: core.drift,
  };
}
