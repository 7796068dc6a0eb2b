import type { ChecklistPathId } from '../report/paths.js';
import type { HttpSend, PlaceholderValues } from '../scenarios/runner.js';
import type { FaultSpec, RuntimeStats } from '../scenarios/simulator-controls.js';
import type { Scenario, StatusScenario, VendorCredentials } from '../scenarios/types.js';
import type { VendorId } from '../vendors/registry.js';

/**
 * Where checks send their requests. A vendor sandbox (a URL and credentials from the environment)
 * satisfies it as well as the embedded simulator; the optional `simulator` member exists only when
 * the far side is the simulator, and checks that need it (faults, seeded state, a virtual clock)
 * are skipped with a reason when it is absent.
 */
export interface ConformanceTarget {
  baseUrl(vendorId: VendorId): string;
  credentials(vendorId: VendorId): VendorCredentials;
  /** How requests go out: a plain HTTP exchange when absent, or a recorder or a cassette player. */
  send?: HttpSend;
  /**
   * Where `{{unique}}` and `{{uuid}}` values come from: fresh when absent; a recorder keeps them
   * per check and a replay gives the recorded ones back.
   */
  values?: PlaceholderValues;
  /** The clock exchanges are timed on: virtual for the simulator, the wall clock for a sandbox. */
  now(): number;
  /**
   * Lets `ms` pass for the API under test: advances the simulator's virtual clock, or really
   * sleeps for a sandbox (callers bound that). Returns once the time has passed. `label` says what
   * the wait is for ("Retry-After: 58"), for progress shown while a real wait lasts.
   */
  wait(ms: number, label?: string): Promise<void>;
  /**
   * The check as this target can run it: a configured request override applied, or turned into a
   * skipped check whose reason says what would enable it. The check as planned when absent.
   */
  prepare?(vendorId: VendorId, check: PlannedCheck): PlannedCheck;
  /** Called before each check: back to seeded state, so checks do not depend on their order. */
  beforeCheck?(vendorId: VendorId, check: PlannedCheck): void | Promise<void>;
  /** Resolves once a background request (a write held in flight) has reached the server. */
  waitForBackground?(vendorId: VendorId): Promise<void>;
  /** Lets a held background request finish (on a virtual clock, by advancing it). */
  releaseBackground?(vendorId: VendorId): void;
  /** Present only when the far side is the embedded simulator. */
  simulator?: SimulatorHooks;
  /** How far a check may push the API; DEFAULT_LIMITS when absent. */
  limits?: RunLimits;
}

/**
 * Bounds on what a check may cost a real API. A shared sandbox is rate-limited and slow, so a
 * check that would need more (a limit higher than the burst, a wait past the ceiling) ends as
 * "not verified" instead of hammering it or sleeping for minutes.
 */
export interface RunLimits {
  /** Requests a burst may send to provoke a 429. */
  maxBurst: number;
  /** The longest advertised wait a check will sit through. */
  maxWaitMs: number;
}

export const DEFAULT_LIMITS: RunLimits = { maxBurst: 50, maxWaitMs: 65_000 };

/** What a check may do to the simulator that it could not do to a real sandbox. */
export interface SimulatorHooks {
  /** Fails the next matching requests, as the vendor's documented code or a bare status. */
  injectFault(vendorId: VendorId, spec: FaultSpec): void;
  /** Resources created so far and other counters, to prove a replay created nothing new. */
  stats(vendorId: VendorId): RuntimeStats;
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
 * A check that sends a request to one documented status which has no catalog code (ClaimRev's API
 * errors): only the status is promised, so the body is kept as it came and never judged by shape.
 */
export interface StatusCheck {
  kind: 'status';
  id: string;
  path: ChecklistPathId;
  title: string;
  status: number;
  scenario: StatusScenario;
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

/** The behavioural sequences: each a series of requests and waits, judged as a whole. */
export type SequenceName =
  | 'idempotency_replay'
  | 'idempotency_mismatch'
  | 'idempotency_in_flight'
  | 'rate_limit_wait'
  | 'credential_refresh'
  | 'token_lifetime'
  | 'server_retry_gives_up'
  | 'server_retry_recovers';

/** A check that plays one behavioural sequence; its id is `sequence.<name>`. */
export interface SequenceCheck {
  kind: 'sequence';
  id: string;
  path: ChecklistPathId;
  title: string;
  sequence: SequenceName;
}

export type PlannedCheck = ScenarioCheck | StatusCheck | SequenceCheck | NotRunPlannedCheck;
