import type { VendorId } from '../vendors/registry.js';
import type { RowScenario, Scenario, StatusScenario, VendorBehaviour } from './types.js';
import { vendorModels } from './vendors/index.js';

/** How to provoke each of a vendor's catalog codes, as data the checklist and Pact states reuse. */
export function scenariosFor(vendorId: VendorId): readonly Scenario[] {
  return vendorModels[vendorId].scenarios;
}

/** Scenarios that exercise a further matrix row of their code (see VendorModel.rowScenarios). */
export function rowScenariosFor(vendorId: VendorId): readonly RowScenario[] {
  return vendorModels[vendorId].rowScenarios ?? [];
}

/** The requests the behavioural sequences build on; undefined for a vendor that gives none. */
export function behaviourFor(vendorId: VendorId): VendorBehaviour | undefined {
  return vendorModels[vendorId].behaviour;
}

/** Documented statuses that carry no catalog code (ClaimRev's API errors). */
export function statusScenariosFor(vendorId: VendorId): readonly StatusScenario[] {
  return vendorModels[vendorId].statusScenarios ?? [];
}
