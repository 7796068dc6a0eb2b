/**
 * Turns a scenario written against named operations and facts into concrete requests for one
 * deployment: the operation's path (configured, or the reference path), its `{param}`s and every
 * `{{facts.<name>}}` filled in. `{{unique}}`, `{{uuid}}` and `{{role.field}}` are left for the
 * moment of sending, since they differ per run and per credential.
 */
import { ErrorContractsError } from '../errors.js';
import type { VendorId } from '../vendors/registry.js';
import { BodyDerivationError, deriveBody, encodeBody, WHOLE_BODY } from './derive.js';
import type {
  DocumentedPromise,
  Operation,
  ResolvedRequest,
  Scenario,
  ScenarioRequest,
  StatusScenario,
  VendorBehaviour,
  VendorCredentials,
  VendorScenarios,
} from './types.js';
import { vendorScenarios } from './vendors/index.js';

/** What a scenario is resolved against: one deployment's operation paths, facts and credentials. */
export type Binding = VendorCredentials;

/** A fact a scenario names that the deployment does not give and that has no default. */
export class MissingFactError extends ErrorContractsError {
  readonly facts: readonly string[];
  constructor(vendorId: VendorId, facts: readonly string[]) {
    super('ERR_MISSING_FACT', `${vendorId} has no value for the fact(s) ${facts.join(', ')}.`);
    this.name = 'MissingFactError';
    this.facts = facts;
  }
}

/** An operation the scenario data names that the vendor's vocabulary does not declare. */
export class UnknownOperationError extends ErrorContractsError {
  constructor(vendorId: VendorId, operation: string) {
    super('ERR_UNKNOWN_OPERATION', `${vendorId} declares no operation ${operation}.`);
    this.name = 'UnknownOperationError';
  }
}

const FACT = /\{\{facts\.(\w+)\}\}/g;
const WHOLE_FACT = /^\{\{facts\.(\w+)\}\}$/;
const PARAM = /\{(\w+)\}/g;

/** Every fact a request names, in its params, query, path, headers or body derivation. */
export function factsNamedBy(request: ScenarioRequest | ResolvedRequest): string[] {
  const text = JSON.stringify(request);
  return [...new Set([...text.matchAll(FACT)].map((match) => match[1] as string))];
}

/**
 * Every fact a request needs on this deployment: its own, and those its operation's example body
 * names where the request is derived from it.
 */
export function factsNeededBy(binding: Binding, request: ScenarioRequest | ResolvedRequest): string[] {
  const own = factsNamedBy(request);
  if (!('operation' in request) || request.path !== undefined) return own;
  const operation = operationOf(binding, request.operation);
  const text = JSON.stringify([operation.path, request.body === undefined ? null : (operation.body ?? null)]);
  // A fact the request gives another value (withFacts) is not needed for its own.
  const replaced = Object.keys(request.body?.withFacts ?? {});
  const fromOperation = [...text.matchAll(FACT)].map((match) => match[1] as string);
  return [...new Set([...own, ...fromOperation.filter((name) => !replaced.includes(name))])];
}

/** The facts of a scenario's requests that the binding cannot supply (neither given nor defaulted). */
export function missingFacts(
  binding: Binding,
  requests: readonly (ScenarioRequest | ResolvedRequest)[],
): string[] {
  const spec = vendorScenarios[binding.vendorId].facts;
  const named = [...new Set(requests.flatMap((request) => factsNeededBy(binding, request)))];
  return named.filter((name) => factValue(binding, name, spec) === undefined);
}

function factValue(binding: Binding, name: string, spec: VendorScenarios['facts']): string | undefined {
  const given = binding.facts[name];
  if (given !== undefined && given !== '') return given;
  return spec[name]?.default;
}

const OPERATION = /\{\{operations\.(\w+)\}\}/g;

/**
 * An operation as this deployment has it: each configured member over the reference one. Its path
 * is resolved: a `{{operations.<name>}}` prefix follows the named operation's path (so a sandbox
 * that moves `authorization` moves `confirm` with it), and an unconfigured operation marked
 * `fromValidClient` (a token endpoint) is that field of the valid role's OAuth client. The path may
 * be an absolute URL (a token endpoint on another host).
 */
export function operationOf(binding: Binding, operation: string, seen: readonly string[] = []): Operation {
  if (seen.includes(operation)) throw new UnknownOperationError(binding.vendorId, operation);
  const spec = vendorScenarios[binding.vendorId].operations[operation];
  if (!spec) throw new UnknownOperationError(binding.vendorId, operation);
  const configured = binding.operations?.[operation] ?? {};
  const valid = binding.roles.valid;
  let path = spec.path;
  if (configured.path !== undefined && configured.path !== '') path = configured.path;
  else if (spec.fromValidClient && valid?.kind === 'oauthClient') path = valid[spec.fromValidClient];
  const { about: _about, fromValidClient: _from, ...reference } = spec;
  const merged: Operation = { ...reference };
  for (const [member, value] of Object.entries(configured)) {
    if (value !== undefined && value !== '') (merged as unknown as Record<string, unknown>)[member] = value;
  }
  merged.path = path.replace(
    OPERATION,
    (_whole, name: string) => operationOf(binding, name, [...seen, operation]).path,
  );
  return merged;
}

/** An operation's path for this deployment (see operationOf). */
export function operationPath(binding: Binding, operation: string): string {
  return operationOf(binding, operation).path;
}

/** The operations an operation's path depends on: itself and the ones its reference path follows. */
export function operationChain(vendorId: VendorId, operation: string): string[] {
  const spec = vendorScenarios[vendorId].operations[operation];
  if (!spec) return [operation];
  const parents = [...spec.path.matchAll(OPERATION)].map((match) => match[1] as string);
  return [operation, ...parents.flatMap((parent) => operationChain(vendorId, parent))];
}

/** Fills `{{facts.x}}` in a string; throws MissingFactError naming every fact without a value. */
function fillFacts(binding: Binding, text: string): string {
  const spec = vendorScenarios[binding.vendorId].facts;
  const missing: string[] = [];
  const filled = text.replace(FACT, (whole, name: string) => {
    const value = factValue(binding, name, spec);
    if (value === undefined) {
      missing.push(name);
      return whole;
    }
    return value;
  });
  if (missing.length > 0) throw new MissingFactError(binding.vendorId, [...new Set(missing)]);
  return filled;
}

/**
 * Fills facts inside every string of a value, walking it rather than its JSON text: a fact is
 * data, so a quote or a `","admin":true` in one stays inside its string instead of breaking the
 * body or adding a member.
 */
function fillDeep<T>(binding: Binding, value: T): T {
  if (typeof value === 'string') {
    // A value that is one number fact and nothing else stays a number: an integer id in a body.
    const whole = WHOLE_FACT.exec(value)?.[1];
    if (whole !== undefined && binding.numericFacts?.includes(whole))
      return Number(fillFacts(binding, value)) as T;
    return fillFacts(binding, value) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => fillDeep(binding, item)) as T;
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines own members, so a "__proto__" key stays data.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [fillFacts(binding, key), fillDeep(binding, item)]),
  ) as T;
}

/**
 * One request made concrete: method and path from the operation (or the override path), facts
 * filled, and a derived body built from the operation's valid example.
 */
export function resolveRequest(
  binding: Binding,
  request: ScenarioRequest | ResolvedRequest,
): ResolvedRequest {
  // Every missing fact at once, so a skip reason or an error names all there are to set.
  const missing = missingFacts(binding, [request]);
  if (missing.length > 0) throw new MissingFactError(binding.vendorId, missing);
  if (!('operation' in request)) return fillDeep(binding, request);
  const { operation, params, query, path: literal, method, body: derivation, ...rest } = request;
  const resolved = operationOf(binding, operation);
  let path = literal ?? resolved.path;
  if (literal === undefined) {
    path = path.replace(PARAM, (whole, name: string) => {
      const value = params?.[name];
      // Ids are sent as configured: a sandbox's ids are URL-safe, and {{unique}} must survive.
      return value === undefined ? whole : value;
    });
  }
  if (query) path += `${path.includes('?') ? '&' : '?'}${query}`;
  const filled = fillDeep(binding, rest);
  const { withFacts, ...change } = fillDeep(binding, derivation ?? {});
  // Facts given another value fill the operation's path as well as its example: an account
  // number may be a path segment on one sandbox and a body field on another.
  const bound = withFacts ? { ...binding, facts: { ...binding.facts, ...withFacts } } : binding;
  const out: ResolvedRequest = { ...filled, method: method ?? resolved.method, path: fillFacts(bound, path) };
  // An override's literal json wins over the derived body: the user wrote the request out.
  if (derivation !== undefined && filled.json === undefined && filled.raw === undefined) {
    const example = fillDeep(bound, resolved.body);
    const { body, fields } = deriveBody(example, change, operation);
    if (withFacts) fields.unshift(...fieldsHolding(resolved.body, Object.keys(withFacts)));
    Object.assign(out, encodeBody(body, resolved.contentType));
    if (fields.length > 0) out.fields = fields;
  }
  return out;
}

/** The dotted paths of an example's fields whose value names one of the facts. */
function fieldsHolding(example: unknown, facts: readonly string[], at = ''): string[] {
  if (typeof example === 'string')
    return facts.some((name) => example.includes(`{{facts.${name}}}`)) ? [at] : [];
  if (example === null || typeof example !== 'object') return [];
  return Object.entries(example).flatMap(([key, value]) =>
    fieldsHolding(value, facts, at === '' ? key : `${at}.${key}`),
  );
}

/** A scenario with every request resolved. */
export function resolveScenario<S extends Scenario | StatusScenario | Omit<Scenario, 'code'>>(
  binding: Binding,
  scenario: S,
): S extends StatusScenario ? StatusScenario<ResolvedRequest> : Scenario<ResolvedRequest> {
  const request = resolveRequest(binding, scenario.request);
  const resolved = {
    ...scenario,
    request,
    ...(scenario.setup ? { setup: scenario.setup.map((step) => resolveRequest(binding, step)) } : {}),
    ...(scenario.background ? { background: resolveRequest(binding, scenario.background) } : {}),
    // A promise may name a fact (the field a request left out), so it is filled like the requests.
    ...(scenario.promises
      ? { promises: fillDeep(binding, scenario.promises).map((promise) => atFaultField(promise, request)) }
      : {}),
  };
  return resolved as never;
}

/**
 * A field-details promise that names no field is about the one field the request derived (left
 * out or spoilt): that field is what the details must name. The whole body (`$`) names none.
 */
function atFaultField(promise: DocumentedPromise, request: ResolvedRequest): DocumentedPromise {
  if (promise.kind !== 'fieldDetails' || promise.field !== undefined) return promise;
  const fields = (request.fields ?? []).filter((field) => field !== WHOLE_BODY);
  return fields.length === 1 && fields[0] !== undefined ? { ...promise, field: fields[0] } : promise;
}

/** The vendor's behaviour data resolved for one deployment. */
export function resolveBehaviour(
  binding: Binding,
  behaviour: VendorBehaviour,
): VendorBehaviour<ResolvedRequest> {
  const { create, refresh } = behaviour;
  // The changed body is derived only where the example has the field to change; a sequence that
  // needs it says so when it is absent.
  let other: ResolvedRequest | undefined;
  try {
    if (create.other !== undefined) other = resolveRequest(binding, create.other);
  } catch (error) {
    if (!(error instanceof BodyDerivationError)) throw error;
  }
  const idPointer =
    'operation' in create.request ? operationOf(binding, create.request.operation).idPointer : undefined;
  return {
    read: resolveRequest(binding, behaviour.read),
    create: {
      request: resolveRequest(binding, create.request),
      ...(other === undefined ? {} : { other }),
      ...((idPointer ?? create.idPointer) === undefined
        ? {}
        : { idPointer: (idPointer ?? create.idPointer) as string }),
    },
    ...(refresh?.kind === 'sign_in'
      ? { refresh: { ...refresh, signIn: resolveRequest(binding, refresh.signIn) } }
      : refresh
        ? { refresh }
        : {}),
  };
}

/**
 * A binding that gives every fact it lacks a stand-in value: for resolving parts of the behaviour
 * data a sequence does not send, so a fact only the unused part names cannot block it.
 */
export function lenientBinding(binding: Binding, names: readonly string[]): Binding {
  const facts = { ...binding.facts };
  for (const name of names) facts[name] ??= `(no ${name})`;
  return { ...binding, facts };
}

/** Every request a scenario sends: setup steps, the background request, the checked one. */
export function requestsOf<R>(scenario: Omit<Scenario<R>, 'code'>): R[] {
  return [...(scenario.setup ?? []), ...(scenario.background ? [scenario.background] : []), scenario.request];
}
