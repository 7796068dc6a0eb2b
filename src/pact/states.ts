import { ErrorContractsError } from '../errors.js';
import { resolveRequest } from '../scenarios/resolve.js';
import { type HttpAnswer, sendScenarioRequest } from '../scenarios/runner.js';
import type { FaultSpec } from '../scenarios/simulator-controls.js';
import type { ResolvedRequest } from '../scenarios/types.js';
import { FAULT_HEADER, parseFaultHeader } from '../simulator/fault-injection.js';
import type { RunningSimulator } from '../simulator/transports/http.js';
import type { VendorId } from '../vendors/registry.js';
import type { InteractionSpec } from './interactions.js';
import { UNIQUE } from './placeholders.js';

/** What the state handlers need of the simulator: its controls and a way to let held writes go. */
export interface StateTarget {
  sim: RunningSimulator;
  /** Moves the simulator's clock on, so a write held in flight finishes. */
  release: () => void;
}

/** A fault one interaction's state arms on top of its own: how a drifted provider is played. */
export interface Drift {
  interactionId: string;
  fault: FaultSpec;
}

/** Event-loop turns to wait for a held write to reach the simulator before giving up. */
const BACKGROUND_TURNS = 2_000;

type StateHandlers = Record<string, () => Promise<undefined>>;

/**
 * One state handler per interaction: back to the seeded state, then whatever the scenario needs
 * that the contract does not say: the fault it names, its setup requests (using up a rate
 * limit, say) and a write held in flight. Requests here carry real credentials and the fault
 * header, since they never enter a contract. Also returns `settle`, which lets a held write
 * finish; call it once verification is over.
 */
export function stateHandlers(
  vendorId: VendorId,
  interactions: readonly InteractionSpec[],
  target: StateTarget,
  drift?: Drift,
): { handlers: StateHandlers; settle: () => Promise<void> } {
  const { sim } = target;
  let held: Promise<HttpAnswer> | undefined;
  const settle = async () => {
    if (!held) return;
    target.release();
    await held.catch(() => undefined);
    held = undefined;
  };
  const handlers: StateHandlers = {};
  for (const spec of interactions) {
    handlers[spec.state] = async () => {
      await settle();
      sim.reset(vendorId);
      const { scenario } = spec;
      const scenarioTarget = { baseUrl: sim.url(vendorId), credentials: sim.credentials(vendorId) };
      const fault = faultOf(scenario.request.headers);
      if (fault) {
        sim.faults.inject(vendorId, { ...fault, route: spec.request.path, method: spec.request.method });
      }
      for (const step of scenario.setup ?? []) {
        for (let i = 0; i < (step.repeat ?? 1); i++)
          await sendScenarioRequest(
            scenarioTarget,
            asVerified(resolveRequest(scenarioTarget.credentials, step)),
            UNIQUE,
          );
      }
      if (scenario.background) {
        held = sendScenarioRequest(
          scenarioTarget,
          // Derived bodies are resolved first, so they are sorted as the contract stores them.
          asVerified(resolveRequest(scenarioTarget.credentials, scenario.background)),
          UNIQUE,
        );
        held.catch(() => undefined);
        await untilInFlight(sim, vendorId);
      }
      if (drift?.interactionId === spec.id) sim.faults.inject(vendorId, drift.fault);
      return undefined;
    };
  }
  return { handlers, settle };
}

/**
 * A contract stores JSON bodies with their keys sorted, so the verifier sends them that way. A
 * setup request that must be byte-for-byte the same write (an idempotency key's first use) is
 * sent sorted too.
 */
function asVerified(request: ResolvedRequest): ResolvedRequest {
  return request.json === undefined ? request : { ...request, json: sortKeys(request.json) };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

function faultOf(headers: Readonly<Record<string, string>> | undefined): FaultSpec | undefined {
  const entry = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === FAULT_HEADER);
  return entry ? parseFaultHeader(entry[1]) : undefined;
}

async function untilInFlight(sim: RunningSimulator, vendorId: VendorId): Promise<void> {
  for (let turn = 0; turn < BACKGROUND_TURNS; turn++) {
    if (sim.stats(vendorId).idempotencyInFlight > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new ErrorContractsError('ERR_INTERNAL', `The held ${vendorId} write never reached the simulator.`);
}

/** States for a provider that cannot be put into any (a sandbox): each only acknowledged. */
export function acknowledgedStates(interactions: readonly InteractionSpec[]): StateHandlers {
  return Object.fromEntries(interactions.map((spec) => [spec.state, async () => undefined]));
}
