/**
 * The scenarios the suites own: for every vendor, the named operations and facts its requests are
 * written against, how each documented code is provoked, and the requests the behavioural
 * sequences build on. Implementations (the simulator, a sandbox) supply operation paths and facts.
 */
import type { VendorId } from '../vendors/registry.js';
import type {
  NamedScenario,
  RowScenario,
  Scenario,
  ScenarioRequest,
  StatusScenario,
  VendorBehaviour,
  VendorScenarios,
} from './types.js';
import { vendorScenarios } from './vendors/index.js';

export function scenarioDataFor(vendorId: VendorId): VendorScenarios {
  return vendorScenarios[vendorId];
}

/** How to provoke each of a vendor's catalog codes, as data the checklist and Pact states reuse. */
export function scenariosFor(vendorId: VendorId): readonly Scenario[] {
  return vendorScenarios[vendorId].scenarios;
}

/** Scenarios that exercise a further matrix row of their code (see VendorScenarios.rowScenarios). */
export function rowScenariosFor(vendorId: VendorId): readonly RowScenario[] {
  return vendorScenarios[vendorId].rowScenarios ?? [];
}

/** The requests the behavioural sequences build on. */
export function behaviourFor(vendorId: VendorId): VendorBehaviour {
  return vendorScenarios[vendorId].behaviour;
}

/** Documented statuses that carry no catalog code (ClaimRev's API errors). */
export function statusScenariosFor(vendorId: VendorId): readonly StatusScenario[] {
  return vendorScenarios[vendorId].statusScenarios ?? [];
}

/** Further documented ways a code comes back (see VendorScenarios.moreScenarios). */
export function moreScenariosFor(vendorId: VendorId): readonly NamedScenario[] {
  return vendorScenarios[vendorId].moreScenarios ?? [];
}

/** The parts of the behaviour data a sequence may send. */
export type BehaviourPart = 'read' | 'create' | 'other' | 'signIn';

/** The requests of the behaviour data's named parts that the vendor has. */
export function behaviourRequests<R = ScenarioRequest>(
  behaviour: VendorBehaviour<R>,
  parts: readonly BehaviourPart[],
): R[] {
  return parts.flatMap((part) => {
    if (part === 'read') return [behaviour.read];
    if (part === 'create') return [behaviour.create.request];
    if (part === 'other') return behaviour.create.other === undefined ? [] : [behaviour.create.other];
    return behaviour.refresh?.kind === 'sign_in' ? [behaviour.refresh.signIn] : [];
  });
}
