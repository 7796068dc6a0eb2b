/**
 * error-contracts/simulator: every vendor's documented behaviour, errors included, served over
 * loopback HTTP (startSimulator) or inside the process through nock (mountSimulator).
 */

// The scenarios belong to the suites (src/scenarios); they stay reachable from this entry point,
// which published them first.
export { scenariosFor, statusScenariosFor } from '../scenarios/index.js';
export {
  type HttpAnswer,
  runScenario,
  type ScenarioOutcome,
  type ScenarioTarget,
  sendScenarioRequest,
} from '../scenarios/runner.js';
export type { FaultSpec, RuntimeStats } from '../scenarios/simulator-controls.js';
export type {
  Scenario,
  ScenarioRequest,
  StatusScenario,
  VendorBehaviour,
} from '../scenarios/types.js';
export { type Clock, realClock, VirtualClock } from '../time/clock.js';
export type { DriftControls } from './drift-switch.js';
export {
  type CodeDrift,
  DRIFT_KINDS,
  type DriftKind,
  type DriftVariant,
  driftProblem,
  InapplicableDriftError,
  type StatusDrift,
  uncataloguedCodeFor,
  wrongStatusFor,
} from './drift-variants.js';
export { FAULT_HEADER, parseFaultHeader } from './fault-injection.js';
export type { SimulatorControls, SimulatorCoreOptions } from './simulator-core.js';
export {
  type RequestLogEntry,
  type RunningSimulator,
  type StartSimulatorOptions,
  startSimulator,
} from './transports/http.js';
export {
  type MountedExchange,
  type MountedSimulator,
  type MountSimulatorOptions,
  mountSimulator,
} from './transports/nock.js';
export type {
  Credential,
  CredentialRole,
  HeaderCredential,
  OAuthClientCredential,
  SimRequest,
  SimResponse,
  VendorCredentials,
  VendorModel,
} from './types.js';
export type { SimulatorVariant } from './vendor-runtime.js';
export { EICAR_TEST_STRING } from './virus-scan.js';
