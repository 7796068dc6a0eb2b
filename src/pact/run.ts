import { startSimulator } from '../simulator/transports/http.js';
import { VirtualClock } from '../time/clock.js';
import type { VendorId } from '../vendors/registry.js';
import { contractFile, writeContract } from './consumer.js';
import { driftFor } from './drift.js';
import { interactionsFor, type LeftOutPath } from './interactions.js';
import { type Drift, stateHandlers } from './states.js';
import { type BrokerSource, verifyProvider } from './verify.js';

export interface PactRunOptions {
  vendors: readonly VendorId[];
  /** Where contracts are written (generate) or read from (verify only). */
  dir: string;
  generate: boolean;
  verify: boolean;
  /** Verify against a simulator that drifts on one interaction per vendor. */
  drifted?: boolean;
  /** Verify the broker's contracts instead of the files, and publish the results there. */
  broker?: BrokerSource;
}

export interface VendorPactResult {
  vendorId: VendorId;
  interactions: number;
  leftOut: number;
  /** The documented paths no interaction carries, with the reason. */
  leftOutPaths: LeftOutPath[];
  /** Present when verified: the ids of the interactions that failed. */
  failedIds?: string[];
  /** What the verifier said about each failure. */
  mismatches?: string[];
  /** The interaction the drifted run broke on purpose. */
  driftedId?: string;
}

export interface PactRunResult {
  vendors: VendorPactResult[];
  generateMs: number;
  verifyMs: number;
}

/** A held write is let go by moving the virtual clock well past any simulated delay. */
const RELEASE_MS = 10 * 60 * 1000;

/**
 * Writes contracts and verifies them against an embedded simulator on loopback, on a virtual
 * clock, one provider at a time (states share the simulator).
 */
export async function runPact(options: PactRunOptions): Promise<PactRunResult> {
  const results: VendorPactResult[] = options.vendors.map((vendorId) => {
    const { interactions, leftOut } = interactionsFor(vendorId);
    return { vendorId, interactions: interactions.length, leftOut: leftOut.length, leftOutPaths: leftOut };
  });
  let started = performance.now();
  if (options.generate) for (const vendorId of options.vendors) await writeContract(vendorId, options.dir);
  const generateMs = performance.now() - started;
  started = performance.now();
  if (options.verify) {
    const clock = new VirtualClock();
    const sim = await startSimulator({ clock, vendors: options.vendors });
    try {
      for (const result of results)
        Object.assign(result, await verifyOne(result.vendorId, sim, clock, options));
    } finally {
      await sim.close();
    }
  }
  return { vendors: results, generateMs, verifyMs: performance.now() - started };
}

async function verifyOne(
  vendorId: VendorId,
  sim: Awaited<ReturnType<typeof startSimulator>>,
  clock: VirtualClock,
  options: PactRunOptions,
): Promise<Pick<VendorPactResult, 'failedIds' | 'mismatches' | 'driftedId'>> {
  const { interactions } = interactionsFor(vendorId);
  const drift: Drift | undefined = options.drifted ? driftFor(vendorId, interactions) : undefined;
  const { handlers, settle } = stateHandlers(
    vendorId,
    interactions,
    { sim, release: () => clock.advance(RELEASE_MS) },
    drift,
  );
  try {
    const outcome = await verifyProvider({
      vendorId,
      files: [contractFile(options.dir, vendorId)],
      baseUrl: sim.url(vendorId),
      credentials: () => sim.credentials(vendorId),
      stateHandlers: handlers,
      ...(options.broker ? { broker: options.broker } : {}),
    });
    // The verifier names a failure "... Given <state> - <description>"; map it back to an id.
    const failedIds = outcome.failed.map(
      (label) => interactions.find((spec) => label.endsWith(` - ${spec.description}`))?.id ?? label,
    );
    return {
      failedIds,
      mismatches: outcome.mismatches,
      ...(drift ? { driftedId: drift.interactionId } : {}),
    };
  } finally {
    await settle();
  }
}
