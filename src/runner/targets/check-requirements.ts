/**
 * What a planned check needs from its target, read from the scenario it plays: the credential
 * roles its requests present, and whether it only works against the simulator (a fault armed by
 * header, a write held in flight).
 */
import type { PlannedCheck } from '../../conformance/types.js';
import { FAULT_HEADER } from '../../simulator/fault-injection.js';
import type { CredentialRole, Scenario, ScenarioRequest } from '../../simulator/types.js';
import type { CheckOverride } from '../config/sandbox-config.js';

type WithScenario = Extract<PlannedCheck, { scenario: unknown }>;

function hasScenario(check: PlannedCheck): check is WithScenario {
  return 'scenario' in check;
}

function requestsOf(scenario: Omit<Scenario, 'code'>): ScenarioRequest[] {
  return [...(scenario.setup ?? []), ...(scenario.background ? [scenario.background] : []), scenario.request];
}

export function rolesOf(check: PlannedCheck): CredentialRole[] {
  if (!hasScenario(check)) return [];
  const roles = requestsOf(check.scenario).map((request) => request.role ?? 'valid');
  return [...new Set(roles.filter((role): role is CredentialRole => role !== 'none'))];
}

export function needsSimulator(check: PlannedCheck): boolean {
  if (!hasScenario(check)) return false;
  const { scenario } = check;
  const faulted = requestsOf(scenario).some((request) =>
    Object.keys(request.headers ?? {}).some((name) => name.toLowerCase() === FAULT_HEADER),
  );
  return faulted || scenario.background !== undefined || ('how' in scenario && scenario.how === 'fault');
}

/**
 * Whether a request declares a Content-Length other than its body's: how a size limit is tested
 * without sending megabytes. Only a real socket carries such a request; in-process interception
 * waits for the declared bytes forever.
 */
export function needsRealSocket(check: PlannedCheck): boolean {
  return (
    hasScenario(check) && requestsOf(check.scenario).some((request) => request.declaredLength !== undefined)
  );
}

/** The checked request with the configured replacements; setup steps stay as they are. */
export function applyOverride(check: PlannedCheck, request: CheckOverride['request']): PlannedCheck {
  if (!request || !hasScenario(check)) return check;
  const scenario = { ...check.scenario, request: { ...check.scenario.request, ...request } };
  return { ...check, scenario } as PlannedCheck;
}
