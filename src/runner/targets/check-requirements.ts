/**
 * What a planned check needs from its target, read from the scenario it plays: the credential
 * roles its requests present, and whether it only works against the simulator (a fault armed by
 * header, a write held in flight).
 */

import { SEQUENCES } from '../../conformance/sequences/index.js';
import type { PlannedCheck } from '../../conformance/types.js';
import type { PayloadLimitPolicy } from '../../generated/meta-types.js';
import { FAULT_HEADER } from '../../scenarios/fault-header.js';
import { behaviourFor, behaviourRequests } from '../../scenarios/index.js';
import { requestsOf } from '../../scenarios/resolve.js';
import type { CredentialRole, ScenarioRequest } from '../../scenarios/types.js';
import type { VendorId } from '../../vendors/registry.js';
import { REPLAYED_CREDENTIAL } from '../cassettes/replay.js';
import type { CheckOverride } from '../config/sandbox-config.js';

type WithScenario = Extract<PlannedCheck, { scenario: unknown }>;

function hasScenario(check: PlannedCheck): check is WithScenario {
  return 'scenario' in check;
}

/** The requests a check sends: its scenario's, or the behaviour data's parts its sequence uses. */
export function requestsOfCheck(vendorId: VendorId, check: PlannedCheck): ScenarioRequest[] {
  if (hasScenario(check)) return requestsOf<ScenarioRequest>(check.scenario);
  if (check.kind !== 'sequence') return [];
  const uses = SEQUENCES.find((sequence) => sequence.name === check.sequence)?.uses ?? [];
  return behaviourRequests(behaviourFor(vendorId), uses);
}

/** `{{valid.clientId}}` in a path or body: a role whose credential the request is built from. */
const PLACEHOLDER = /\{\{(\w+)\.\w+\}\}/g;
/** Placeholder namespaces that are not credential roles. */
const NOT_ROLES = new Set(['none', 'unique', 'uuid', 'facts', 'operations']);

/** The roles a check's requests present, or name in placeholders (a token request's client id). */
export function rolesOf(check: PlannedCheck): CredentialRole[] {
  if (!hasScenario(check)) return [];
  const roles = requestsOf<ScenarioRequest>(check.scenario).flatMap((request) => {
    const text = [
      request.path,
      JSON.stringify(request.headers ?? {}),
      JSON.stringify(request.json ?? null),
      request.raw?.text ?? '',
    ].join(' ');
    const named = [...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
    return [request.role ?? 'valid', ...named];
  });
  return [...new Set(roles.filter((role): role is CredentialRole => !NOT_ROLES.has(role)))];
}

export function needsSimulator(check: PlannedCheck): boolean {
  if (!hasScenario(check)) return false;
  const { scenario } = check;
  const faulted = requestsOf<ScenarioRequest>(scenario).some((request) =>
    Object.keys(request.headers ?? {}).some((name) => name.toLowerCase() === FAULT_HEADER),
  );
  return faulted || scenario.background !== undefined || ('how' in scenario && scenario.how === 'fault');
}

/**
 * Whether a check streams a body to a size limit (megabytes): in-process interception buffers every
 * byte before it answers, which is slow and proves nothing a socket does not, so only a target
 * with real sockets runs it.
 */
export function streamsToLimit(check: PlannedCheck): boolean {
  return (
    hasScenario(check) &&
    requestsOf<ScenarioRequest>(check.scenario).some((request) => request.streamedBytes !== undefined)
  );
}

/**
 * The largest fixed burst a check's setup sends (a rate limit used up with the simulator's known
 * quota); 1 when it sends none. Against a sandbox, whose quota is unknown, such a burst is neither
 * bounded nor sized, so the check is left to the rate-limit sequence, which is both.
 */
export function fixedBurstOf(check: PlannedCheck): number {
  if (!hasScenario(check)) return 1;
  return Math.max(1, ...(check.scenario.setup ?? []).map((step) => step.repeat ?? 1));
}

/**
 * The checked request with the configured replacements; setup steps stay as they are.
 *
 * A fault scenario's own request provokes its error only in the simulator, through the fault
 * header. An override that gives a path is the user saying where their sandbox fails that way for
 * real (a record that always fails, a payer id that is always down), so the overridden check is a
 * natural one: the fault header goes, and a sandbox runs it instead of skipping it. Headers merge
 * with the base request's, the override's winning per name.
 */
export function applyOverride(check: PlannedCheck, request: CheckOverride['request']): PlannedCheck {
  if (!request || !hasScenario(check)) return check;
  const base = check.scenario;
  // Only a path says where the sandbox fails for real; a role or body alone still needs the fault.
  const provokedForReal = base.how === 'fault' && request.path !== undefined;
  let baseRequest = provokedForReal ? withoutFaultHeader(base.request) : base.request;
  // A literal path replaces the operation's path and so its parameters: the facts those named are
  // no longer needed, and must not hold the check back.
  if (request.path !== undefined && 'params' in baseRequest) {
    const { params: _replaced, ...rest } = baseRequest;
    baseRequest = rest;
  }
  const scenario = {
    ...base,
    ...(provokedForReal ? { how: 'natural' as const } : {}),
    request: {
      ...baseRequest,
      ...request,
      ...(request.headers ? { headers: mergeHeaders(baseRequest.headers, request.headers) } : {}),
    },
  };
  return { ...check, scenario } as PlannedCheck;
}

/** The base headers (an Idempotency-Key, a content type) with the override's winning, by name in any case. */
function mergeHeaders(
  base: ScenarioRequest['headers'],
  override: NonNullable<ScenarioRequest['headers']>,
): Record<string, string> {
  const replaced = new Set(Object.keys(override).map((name) => name.toLowerCase()));
  const kept = Object.entries(base ?? {}).filter(([name]) => !replaced.has(name.toLowerCase()));
  return { ...Object.fromEntries(kept), ...override };
}

function withoutFaultHeader(request: ScenarioRequest): ScenarioRequest {
  if (!request.headers) return request;
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== FAULT_HEADER),
  );
  return { ...request, headers };
}

/**
 * A check that provokes the vendor's size limit, sized for a sandbox: the declared length one byte
 * past the limit. A documented limit (the policy's payloadLimit) is used as is; an inferred one is
 * only the simulator's, so the sandbox's own limit must come from the run's configuration (the
 * maxBodyBytes fact), or the check is skipped with a reason that names it.
 */
export function sizedForSandbox(
  check: PlannedCheck,
  limit: PayloadLimitPolicy | undefined,
  facts: Readonly<Record<string, string>>,
  vendorId: string,
): PlannedCheck | { skip: string } {
  if (!hasScenario(check) || check.scenario.request.streamedBytes === undefined) return check;
  const configured = facts.maxBodyBytes;
  // A replayed run knows the fact was configured but not its value; the cassette holds the request.
  if (configured === REPLAYED_CREDENTIAL) return check;
  if (configured !== undefined) {
    const bytes = Number(configured);
    if (!Number.isSafeInteger(bytes) || bytes < 1) {
      return {
        skip: `The maxBodyBytes fact is not a whole number of bytes (vendors.${vendorId}.facts.maxBodyBytes).`,
      };
    }
    return withDeclaredLength(check, bytes + 1);
  }
  if (limit?.source === 'documented') return withDeclaredLength(check, limit.bytes + 1);
  return {
    skip: `The vendor documents no size limit (the simulator's ${limit?.bytes ?? 'own'} bytes is a guess); set vendors.${vendorId}.facts.maxBodyBytes to the sandbox's limit to run this check.`,
  };
}

function withDeclaredLength(check: WithScenario, streamedBytes: number): PlannedCheck {
  const scenario = { ...check.scenario, request: { ...check.scenario.request, streamedBytes } };
  return { ...check, scenario } as PlannedCheck;
}
