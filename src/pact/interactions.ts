import { checklistFor } from '../conformance/checklist.js';
import { isSecretFact } from '../conformance/credential-secrets.js';
import { ErrorContractsError } from '../errors.js';
import type { AuthenticationPolicy } from '../generated/meta-types.js';
import { FAULT_HEADER } from '../scenarios/fault-header.js';
import { statusScenariosFor } from '../scenarios/index.js';
import { resolveRequest } from '../scenarios/resolve.js';
import type {
  CredentialRole,
  ResolvedRequest,
  Scenario,
  ScenarioRequest,
  VendorCredentials,
} from '../scenarios/types.js';
import { vendorModels } from '../simulator/vendors/index.js';
import { getVendor, type VendorId } from '../vendors/registry.js';
import { credentialShape, fillForContract } from './placeholders.js';

export type ContractBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; contentType: string; text: string };

/** The request as the contract states it: no fault header, no credential, no random part. */
export interface ContractRequest {
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string>;
  /** Where the role's credential goes; the contract holds a stand-in for it. */
  credential?: { header: string; prefix: string; role: CredentialRole };
  body?: ContractBody;
}

/** One documented error path as a Pact interaction. */
export interface InteractionSpec {
  /** The checklist id (`code.<code>`), or `status.<status>.<n>` for a codeless status. */
  id: string;
  vendorId: VendorId;
  description: string;
  /** The provider state: the path and the situation that provokes it. */
  state: string;
  request: ContractRequest;
  status: number;
  /** The catalog code the body carries; absent where the vendor documents only a status. */
  code?: string;
  /** How the state handler provokes it: fault, setup and background requests. */
  scenario: Omit<Scenario, 'code'>;
  /** Needs nothing of the provider but its credentials, so it can run against a sandbox. */
  stateless: boolean;
}

/** A documented path that a Pact interaction cannot carry, with the reason. */
export interface LeftOutPath {
  id: string;
  description: string;
  reason: string;
}

export interface VendorInteractions {
  interactions: InteractionSpec[];
  leftOut: LeftOutPath[];
}

/**
 * A vendor's interactions, derived from the same data as its checklist: one per catalog code
 * (the checklist's scenario checks, each code once) and one per codeless documented status.
 * Nothing here names a vendor.
 */
export function interactionsFor(vendorId: VendorId): VendorInteractions {
  const { catalog, policy } = getVendor(vendorId);
  // Test credentials supply public fields such as an OAuth scope; secrets become stand-ins.
  const credentials = vendorModels[vendorId].credentials('http://127.0.0.1');
  const candidates: Array<Omit<InteractionSpec, 'request' | 'vendorId'> & { raw: ResolvedRequest }> = [];
  const seen = new Set<string>();
  for (const check of checklistFor(vendorId)) {
    if (check.kind !== 'scenario' || seen.has(check.code)) continue;
    seen.add(check.code);
    const entry = catalog.find((candidate) => candidate.code === check.code);
    candidates.push({
      id: check.id,
      description: check.title,
      state: `${check.code}: ${check.scenario.title}`,
      status: entry?.status ?? 0,
      code: check.code,
      scenario: check.scenario,
      stateless: isStateless(check.scenario, entry?.category),
      raw: forContract(credentials, check.scenario.request),
    });
  }
  const counts = new Map<number, number>();
  for (const scenario of statusScenariosFor(vendorId)) {
    const n = (counts.get(scenario.status) ?? 0) + 1;
    counts.set(scenario.status, n);
    const category = policy.statuses.find((rule) => rule.status === scenario.status)?.category;
    candidates.push({
      id: `status.${scenario.status}.${n}`,
      description: `HTTP ${scenario.status} comes back as documented: ${scenario.title}`,
      state: `HTTP ${scenario.status}: ${scenario.title}`,
      status: scenario.status,
      scenario,
      stateless: isStateless(scenario, category),
      raw: forContract(credentials, scenario.request),
    });
  }
  const result: VendorInteractions = { interactions: [], leftOut: [] };
  for (const { raw, ...candidate } of candidates) {
    const reason = inexpressible(raw);
    if (reason) result.leftOut.push({ id: candidate.id, description: candidate.description, reason });
    else
      result.interactions.push({
        ...candidate,
        vendorId,
        request: contractRequest(raw, credentials, policy.authentication),
      });
  }
  return result;
}

/**
 * A scenario request with its operation and facts resolved against the simulator, except a
 * secret fact in a header (a key of another environment): that stays a stand-in the verifier
 * fills, like a credential.
 */
function forContract(credentials: VendorCredentials, request: ScenarioRequest): ResolvedRequest {
  const { headers, ...rest } = request;
  const kept = Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [
      name,
      value.replace(/\{\{facts\.(\w+)\}\}/g, (whole, fact: string) =>
        isSecretFact(fact) ? whole : (credentials.facts[fact] ?? whole),
      ),
    ]),
  );
  return { ...resolveRequest(credentials, rest), ...(headers ? { headers: kept } : {}) };
}

function isStateless(scenario: Omit<Scenario, 'code'>, category: string | undefined): boolean {
  const { setup, background, request } = scenario;
  return (
    scenario.how === 'natural' &&
    !setup?.length &&
    !background &&
    request.streamedBytes === undefined &&
    category === 'authentication'
  );
}

/** Why a scenario request cannot be written as a Pact interaction, if it cannot. */
function inexpressible(request: ResolvedRequest): string | undefined {
  if (request.streamedBytes !== undefined) {
    return 'The path is provoked by a body streamed one byte past the size limit; a contract stores whole bodies, which a verifier replays as they are.';
  }
  if (request.raw && /json/i.test(request.raw.contentType) && !parses(request.raw.text)) {
    return 'The path is provoked by a body that is not valid JSON under a JSON content type; Pact parses JSON bodies and cannot hold one.';
  }
  return undefined;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function contractRequest(
  request: ResolvedRequest,
  credentials: VendorCredentials,
  auth: AuthenticationPolicy,
): ContractRequest {
  const fill = (text: string) => fillForContract(text, credentials);
  const [path = '', search = ''] = fill(request.path).split('?', 2);
  const params = new URLSearchParams(search);
  const query: Record<string, string[]> = {};
  for (const name of [...new Set(params.keys())].sort()) query[name] = params.getAll(name);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    // Faults are armed by the state handler; the contract describes only what a client sends.
    if (name.toLowerCase() !== FAULT_HEADER) headers[name] = fill(value);
  }
  const role = request.role ?? 'valid';
  const credential = role === 'none' ? undefined : credentials.roles[role];
  if (role !== 'none' && !credential) {
    // The scenario runner refuses the same; a scenario naming a missing role is a data bug.
    throw new ErrorContractsError(
      'ERR_NO_TEST_CREDENTIAL',
      `${credentials.vendorId} has no test credential for the role ${role}.`,
    );
  }
  const body: ContractBody | undefined =
    request.json !== undefined
      ? { kind: 'json', value: JSON.parse(fill(JSON.stringify(request.json))) }
      : request.raw
        ? { kind: 'text', contentType: request.raw.contentType, text: fill(request.raw.text) }
        : undefined;
  return {
    method: request.method,
    path,
    query,
    headers,
    ...(credential && role !== 'none' ? { credential: { ...credentialShape(credential, auth), role } } : {}),
    ...(body ? { body } : {}),
  };
}
