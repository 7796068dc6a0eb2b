import type { ChecklistPathId } from '../report/paths.js';
import type { Scenario, VendorCredentials } from '../simulator/types.js';
import type { VendorId } from '../vendors/registry.js';

/**
 * Where checks send their requests. Only the first two members are required, so a vendor sandbox
 * (a URL and credentials from the environment) satisfies it as well as the embedded simulator; the
 * optional hooks let a simulator give every check a fresh, seeded state.
 */
export interface ConformanceTarget {
  baseUrl(vendorId: VendorId): string;
  credentials(vendorId: VendorId): VendorCredentials;
  /** Called before each check: back to seeded state, so checks do not depend on their order. */
  beforeCheck?(vendorId: VendorId, check: PlannedCheck): void | Promise<void>;
  /** Resolves once a background request (a write held in flight) has reached the server. */
  waitForBackground?(vendorId: VendorId): Promise<void>;
  /** Lets a held background request finish (on a virtual clock, by advancing it). */
  releaseBackground?(vendorId: VendorId): void;
}

/** A check that sends a request: one per catalog code, driven by the simulator's scenario table. */
export interface ScenarioCheck {
  kind: 'scenario';
  id: string;
  path: ChecklistPathId;
  title: string;
  code: string;
  scenario: Scenario;
}

/**
 * A matrix row with no check of its own: not documented at all (`not_applicable`), or documented
 * only in a form this executor does not check yet (`skipped`). Reported, never silently dropped.
 */
export interface NotRunPlannedCheck {
  kind: 'not_applicable' | 'skipped';
  id: string;
  path: ChecklistPathId;
  title: string;
  reason: string;
}

export type PlannedCheck = ScenarioCheck | NotRunPlannedCheck;
