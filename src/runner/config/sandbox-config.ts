/**
 * Where a sandbox run sends its requests and with which credentials: from an optional JSON config
 * file (error-contracts.config.json) and from environment variables, which win. Secrets belong in
 * the environment; the file may name the variable that holds one (`{ "env": "NAME" }`) so that it
 * can be committed.
 */

import { checklistFor } from '../../conformance/checklist.js';
import type { HttpMethod } from '../../generated/meta-types.js';
import { createRequestGuard } from '../../net/request-guard.js';
import { scenarioDataFor } from '../../scenarios/index.js';
import {
  CREDENTIAL_ROLES,
  type Credential,
  type CredentialRole,
  type OperationOverride,
  type PreflightRead,
  type ScenarioRequest,
  type VendorCredentials,
} from '../../scenarios/types.js';
import { didYouMean } from '../../text/suggest.js';
import { getVendor, isVendorId, type VendorId, vendorIds } from '../../vendors/registry.js';
import {
  baseUrlVariable,
  credentialVariable,
  factVariable,
  operationVariable,
  sandboxVariable,
} from './env-names.js';
import { ConfigProblems, RunConfigError } from './errors.js';
import { nestsDeeperThan } from './json-depth.js';
import { isLoopbackUrl } from './loopback.js';

/** A string in the config file, or the name of the environment variable that holds it. */
export type ConfigString = string | { env: string };

export interface CredentialConfig {
  /** The whole header value: an API key, "Bearer <token>", "session=<cookie>". */
  value?: ConfigString;
  /** OAuth 2.0 client credentials, for vendors whose scheme is oauth2_client_credentials. */
  clientId?: ConfigString;
  clientSecret?: ConfigString;
  scope?: ConfigString;
  tokenUrl?: ConfigString;
}

/** How one check's request differs on a real sandbox (its ids, its paths). */
export interface CheckOverride {
  /** Do not run this check here; the text is reported as the reason. */
  skip?: string;
  request?: Partial<Pick<ScenarioRequest, 'method' | 'path' | 'headers' | 'json' | 'role'>>;
}

export interface VendorConfigFile {
  baseUrl?: ConfigString;
  /** Declares a base URL that is not loopback to be a sandbox, safe to send test traffic to. */
  sandbox?: boolean;
  credentials?: Partial<Record<CredentialRole, CredentialConfig>>;
  /**
   * The sandbox's named operations: a path (`"authorization": "/api/pa/{id}"`), or any of
   * `{ method, path, body, contentType, idPointer }`, each member over the reference one. A path
   * may be an absolute URL (a token endpoint elsewhere).
   */
  operations?: Record<string, ConfigString | OperationOverride>;
  /** The read the preflight sends with the valid credential; the vendor's documented one when absent. */
  preflight?: PreflightRead;
  /** Facts the scenarios name (`{{facts.<name>}}`): ids of records in a given state, test data. */
  facts?: Record<string, ConfigString | number>;
  /**
   * A module (path relative to the config file) whose default export may create records before
   * the checks and returns their ids as facts: `export default async ({ baseUrl, ... }) => ({...})`.
   */
  fixtures?: string;
  checks?: Record<string, CheckOverride>;
}

export interface RunConfigFile {
  /** The JSON Schema the file follows, for editors; not read. */
  $schema?: string;
  vendors?: Partial<Record<string, VendorConfigFile>>;
}

/** One vendor, resolved: everything a target needs and nothing that still points at a variable. */
export interface ResolvedVendorConfig {
  vendorId: VendorId;
  baseUrl: string;
  declaredSandbox: boolean;
  /** Roles, facts (configured and from the environment) and operation paths. */
  credentials: VendorCredentials;
  checks: Readonly<Record<string, CheckOverride>>;
  /** The fixtures module, as an absolute path or file URL, when one is configured. */
  fixtures?: string;
  /** The preflight's read, where configured; the vendor's documented single-record read otherwise. */
  preflight?: PreflightRead;
}

const ROLES = CREDENTIAL_ROLES;
const VENDOR_MEMBERS = [
  'baseUrl',
  'sandbox',
  'credentials',
  'operations',
  'facts',
  'preflight',
  'fixtures',
  'checks',
];
const OPERATION_MEMBERS = ['method', 'path', 'body', 'contentType', 'idPointer'];
const OAUTH_FIELDS = ['clientId', 'clientSecret', 'scope', 'tokenUrl'] as const;
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

type Env = Readonly<Record<string, string | undefined>>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks the parsed config file member by member, so a mistake is reported with its JSON path
 * ("vendors.collate.credentials.valid.value") rather than surfacing later as a refused request.
 * Every invalid member is reported, in one error, not only the first.
 */
export function parseRunConfig(value: unknown, source: string): RunConfigFile {
  const problem = (path: string, message: string) => new RunConfigError(`${source}: ${path} ${message}`);
  if (!isObject(value)) throw problem('the file', 'must hold a JSON object.');
  const problems = new ConfigProblems();
  problems.each(Object.keys(value), (key) => {
    if (key !== 'vendors' && key !== '$schema') throw problem(key, 'is not a known member (use "vendors").');
  });
  const vendors = value.vendors;
  if (vendors !== undefined && !isObject(vendors))
    problems.add(problem('vendors', 'must be an object keyed by vendor id.').message);
  problems.each(isObject(vendors) ? Object.entries(vendors) : [], ([id, vendor]) => {
    const at = `vendors.${id}`;
    if (!isVendorId(id)) throw problem(at, `is not a vendor id; use one of ${vendorIds.join(', ')}.`);
    if (!isObject(vendor)) throw problem(at, 'must be an object.');
    problems.each(Object.keys(vendor), (key) => {
      if (!VENDOR_MEMBERS.includes(key)) {
        throw problem(
          `${at}.${key}`,
          `is not a known member (${VENDOR_MEMBERS.join(', ')}).${didYouMean(key, VENDOR_MEMBERS)}`,
        );
      }
    });
    problems.check(() => {
      if (vendor.fixtures !== undefined && (typeof vendor.fixtures !== 'string' || vendor.fixtures === '')) {
        throw problem(`${at}.fixtures`, 'must be the path of a module, relative to the config file.');
      }
    });
    const vocabulary = scenarioDataFor(id);
    const operationNames = Object.keys(vocabulary.operations);
    checkOperations(vendor.operations, `${at}.operations`, operationNames, problem, problems);
    problems.check(() => checkPreflight(vendor.preflight, `${at}.preflight`, operationNames, problem));
    checkNamedStrings(vendor.facts, `${at}.facts`, Object.keys(vocabulary.facts), problem, problems, {
      numbers: true,
    });
    problems.check(() => {
      if (vendor.baseUrl !== undefined) checkConfigString(vendor.baseUrl, `${at}.baseUrl`, problem);
    });
    problems.check(() => {
      if (vendor.sandbox !== undefined && typeof vendor.sandbox !== 'boolean') {
        throw problem(`${at}.sandbox`, 'must be true or false.');
      }
    });
    checkCredentials(vendor.credentials, `${at}.credentials`, problem, problems);
    checkOverrides(vendor.checks, `${at}.checks`, problem, problems);
  });
  problems.throwIfAny();
  return value as RunConfigFile;
}

type Problem = (path: string, message: string) => RunConfigError;

/**
 * Operations: each a path (a config string) or an object of operation members. A misspelt name or
 * member is named with the closest valid one.
 */
function checkOperations(
  value: unknown,
  at: string,
  names: readonly string[],
  problem: Problem,
  problems: ConfigProblems,
): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    problems.add(problem(at, 'must map operation names to a path or an operation object.').message);
    return;
  }
  problems.each(Object.entries(value), ([name, operation]) => {
    const here = `${at}.${name}`;
    if (!names.includes(name)) {
      throw problem(
        here,
        `is not one of this vendor's names.${didYouMean(name, names)} See "error-contracts checks" or "error-contracts init".`,
      );
    }
    if (typeof operation === 'string' || (isObject(operation) && 'env' in operation)) {
      checkConfigString(operation, here, problem);
      if (typeof operation === 'string') checkOperationPath(operation, here, problem);
      return;
    }
    if (!isObject(operation)) {
      throw problem(here, `must be a path or an object of ${OPERATION_MEMBERS.join(', ')}.`);
    }
    checkOperationMembers(operation, here, problem);
  });
}

/** The members of one operation object, from the file or from a JSON environment variable. */
function checkOperationMembers(operation: Record<string, unknown>, here: string, problem: Problem): void {
  for (const [member, field] of Object.entries(operation)) {
    if (!OPERATION_MEMBERS.includes(member)) {
      throw problem(
        `${here}.${member}`,
        `is not an operation member (${OPERATION_MEMBERS.join(', ')}).${didYouMean(member, OPERATION_MEMBERS)}`,
      );
    }
    if (member === 'method' && !(METHODS as readonly unknown[]).includes(field)) {
      throw problem(`${here}.method`, `must be one of ${METHODS.join(', ')}.`);
    }
    if (member === 'path') {
      if (typeof field !== 'string') throw problem(`${here}.path`, 'must be a string.');
      checkOperationPath(field, `${here}.path`, problem);
    }
    if (member === 'contentType' && (typeof field !== 'string' || field === '')) {
      throw problem(`${here}.contentType`, 'must be a media type such as "application/json".');
    }
    if (member === 'idPointer' && (typeof field !== 'string' || !/^(\/|$)/.test(field))) {
      throw problem(`${here}.idPointer`, 'must be a JSON Pointer such as "/id" or "/data/id".');
    }
  }
}

function checkOperationPath(path: string, at: string, problem: Problem): void {
  if (path !== '' && !isOperationPath(path)) throw problem(at, OPERATION_PATH_RULE);
}

const PREFLIGHT_MEMBERS = ['operation', 'params', 'query'];

function checkPreflight(value: unknown, at: string, names: readonly string[], problem: Problem): void {
  if (value === undefined) return;
  if (!isObject(value) || typeof value.operation !== 'string') {
    throw problem(at, 'must be { "operation": "<name>", "params": { ... } }.');
  }
  if (!names.includes(value.operation)) {
    throw problem(
      `${at}.operation`,
      `is not one of this vendor's operations.${didYouMean(value.operation, names)}`,
    );
  }
  for (const key of Object.keys(value)) {
    if (!PREFLIGHT_MEMBERS.includes(key)) {
      throw problem(`${at}.${key}`, `is not a known member (${PREFLIGHT_MEMBERS.join(', ')}).`);
    }
  }
  const { params, query } = value;
  if (
    params !== undefined &&
    (!isObject(params) || Object.values(params).some((v) => typeof v !== 'string'))
  ) {
    throw problem(`${at}.params`, 'must map path parameters to strings (facts allowed: "{{facts.<name>}}").');
  }
  if (query !== undefined && typeof query !== 'string') throw problem(`${at}.query`, 'must be a string.');
}

/**
 * An operation given in an ERROR_CONTRACTS_<VENDOR>_OPERATION_<NAME> variable: a JSON object of
 * operation members (`{"method":"PATCH","body":{...}}`), `METHOD /path`, or a path alone.
 */
export function parseOperationVariable(text: string, variable: string): OperationOverride {
  const trimmed = text.trim();
  // `{{operations.<name>}}/...` is a path; only a single brace opens a JSON object.
  if (trimmed.startsWith('{') && !trimmed.startsWith('{{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new RunConfigError(`${variable} starts with "{" but is not a JSON object of operation members.`);
    }
    if (!isObject(parsed))
      throw new RunConfigError(`${variable} must be a JSON object of operation members.`);
    checkOperationMembers(parsed, variable, (path, message) => new RunConfigError(`${path} ${message}`));
    return parsed as OperationOverride;
  }
  const methodAndPath = /^([A-Z]+)\s+(\S+)$/.exec(trimmed);
  if (methodAndPath) {
    const [, method, path] = methodAndPath as unknown as [string, string, string];
    if (!(METHODS as readonly string[]).includes(method)) {
      throw new RunConfigError(`${variable}: ${method} is not one of ${METHODS.join(', ')}.`);
    }
    return { method: method as HttpMethod, path };
  }
  return { path: trimmed };
}

/**
 * Operations from the file (a path, or members) and from ERROR_CONTRACTS_<VENDOR>_OPERATION_<NAME>
 * variables, whose members win one by one. A blank path counts as not given.
 */
function resolveOperations(
  vendorId: VendorId,
  configured: Record<string, ConfigString | OperationOverride>,
  env: Env,
  problems: ConfigProblems,
): Record<string, OperationOverride> {
  const found: Record<string, OperationOverride> = {};
  // A value from a variable (or a file member naming one) is held to the file's rules.
  const parsed = (text: string, source: string) =>
    problems.check(() => {
      const operation = parseOperationVariable(text, source);
      if (operation.path !== undefined)
        checkOperationPath(
          operation.path,
          source,
          (_at, message) => new RunConfigError(`${source} ${message}`),
        );
      return operation;
    });
  for (const [name, value] of Object.entries(configured)) {
    const at = `vendors.${vendorId}.operations.${name}`;
    if (typeof value === 'string' || 'env' in value) {
      const text = lookUp(value as ConfigString, env, at, operationVariable(vendorId, name), problems);
      if (text === undefined || text === '') continue;
      const operation = parsed(text, at);
      if (operation) found[name] = operation;
      continue;
    }
    const { path, ...members } = value;
    found[name] = { ...members, ...(path === undefined || path === '' ? {} : { path }) };
  }
  for (const name of Object.keys(scenarioDataFor(vendorId).operations)) {
    const variable = operationVariable(vendorId, name);
    const text = fromEnv(env, variable);
    if (text === undefined) continue;
    const operation = parsed(text, variable);
    if (operation) found[name] = { ...found[name], ...operation };
  }
  return found;
}

/** An object of config strings whose names must come from the vendor's vocabulary. */
function checkNamedStrings(
  value: unknown,
  at: string,
  names: readonly string[],
  problem: Problem,
  problems: ConfigProblems,
  { numbers = false } = {},
): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    problems.add(problem(at, 'must map names to strings.').message);
    return;
  }
  problems.each(Object.entries(value), ([name, text]) => {
    if (!names.includes(name)) {
      throw problem(
        `${at}.${name}`,
        `is not one of this vendor's names.${didYouMean(name, names)} See "error-contracts checks" or "error-contracts init".`,
      );
    }
    // A number (an integer id) is a fact value too; it is sent as a number where it fills a body value alone.
    if (numbers && typeof text === 'number' && Number.isFinite(text)) return;
    if (numbers && typeof text !== 'string' && !isObject(text))
      throw problem(`${at}.${name}`, 'must be a string, a number or { "env": "VARIABLE_NAME" }.');
    checkConfigString(text, `${at}.${name}`, problem);
  });
}

function checkConfigString(value: unknown, at: string, problem: Problem): void {
  if (typeof value === 'string') return;
  if (isObject(value) && typeof value.env === 'string' && Object.keys(value).length === 1) return;
  throw problem(at, 'must be a string or { "env": "VARIABLE_NAME" }.');
}

function checkCredentials(value: unknown, at: string, problem: Problem, problems: ConfigProblems): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    problems.add(problem(at, 'must be an object keyed by role.').message);
    return;
  }
  problems.each(Object.entries(value), ([role, credential]) => {
    if (!(ROLES as readonly string[]).includes(role)) {
      throw problem(
        `${at}.${role}`,
        `is not a credential role.${didYouMean(role, ROLES)} Use one of ${ROLES.join(', ')}.`,
      );
    }
    if (!isObject(credential)) throw problem(`${at}.${role}`, 'must be an object.');
    problems.each(Object.entries(credential), ([field, text]) => {
      if (field !== 'value' && !(OAUTH_FIELDS as readonly string[]).includes(field)) {
        throw problem(
          `${at}.${role}.${field}`,
          `is not a credential field (value, ${OAUTH_FIELDS.join(', ')}).`,
        );
      }
      checkConfigString(text, `${at}.${role}.${field}`, problem);
    });
  });
}

function checkOverrides(value: unknown, at: string, problem: Problem, problems: ConfigProblems): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    problems.add(problem(at, 'must be an object keyed by check id.').message);
    return;
  }
  problems.each(Object.entries(value), ([id, override]) => {
    const here = `${at}.${id}`;
    if (!isObject(override)) throw problem(here, 'must be an object.');
    if (override.skip !== undefined && typeof override.skip !== 'string') {
      problems.add(problem(`${here}.skip`, 'must be the reason, as a string.').message);
    }
    const request = override.request;
    if (request === undefined) return;
    if (!isObject(request)) throw problem(`${here}.request`, 'must be an object.');
    if (request.method !== undefined && !(METHODS as readonly unknown[]).includes(request.method)) {
      problems.add(problem(`${here}.request.method`, `must be one of ${METHODS.join(', ')}.`).message);
    }
    if (request.path !== undefined && (typeof request.path !== 'string' || !request.path.startsWith('/'))) {
      problems.add(problem(`${here}.request.path`, 'must be a path starting with "/".').message);
    }
    if (request.json !== undefined && nestsDeeperThan(request.json, MAX_OVERRIDE_DEPTH)) {
      problems.add(
        problem(`${here}.request.json`, `nests deeper than ${MAX_OVERRIDE_DEPTH} levels.`).message,
      );
    }
    if (request.headers !== undefined) {
      if (!isObject(request.headers) || Object.values(request.headers).some((v) => typeof v !== 'string')) {
        problems.add(problem(`${here}.request.headers`, 'must map header names to strings.').message);
      }
    }
    if (
      request.role !== undefined &&
      request.role !== 'none' &&
      !(ROLES as readonly unknown[]).includes(request.role)
    ) {
      problems.add(problem(`${here}.request.role`, `must be "none" or one of ${ROLES.join(', ')}.`).message);
    }
  });
}

/**
 * A config string's value. A variable that is not set counts as not given when it is the one this
 * member is read from anyway (what `init` writes: `{ "env": "ERROR_CONTRACTS_COLLATE_FACT_..." }`),
 * so the member is reported where it is needed, naming that variable. A variable of another name
 * that is not set is a problem naming both, kept in `problems`: the file says the value exists,
 * and a skip reason would point at a different variable.
 */
function lookUp(
  value: ConfigString | undefined,
  env: Env,
  at: string,
  usual: string,
  problems: ConfigProblems,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  const found = env[value.env];
  if (found !== undefined && found !== '') return found;
  if (value.env !== usual) {
    problems.add(`${at} names the variable ${value.env}, which is not set; set it or remove ${at}.`);
  }
  return undefined;
}

const fromEnv = (env: Env, name: string): string | undefined => {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
};

/**
 * The vendors a sandbox run can reach: every vendor given a base URL by the file or the
 * environment. Credentials are those configured; a role left out is reported by the checks that
 * need it, as skipped with the variable to set.
 */
export interface ResolveOptions {
  /**
   * Whether credentials are needed: a dry run or a listing sends nothing, so a credential variable
   * that is not set only leaves its role unconfigured. True by default.
   */
  credentials?: boolean;
}

export function resolveSandboxConfig(
  file: RunConfigFile,
  env: Env,
  options: ResolveOptions = {},
): Map<VendorId, ResolvedVendorConfig> {
  const resolved = new Map<VendorId, ResolvedVendorConfig>();
  const problems = new ConfigProblems();
  problems.each(vendorIds, (vendorId) => {
    const vendor = file.vendors?.[vendorId] ?? {};
    const usual = baseUrlVariable(vendorId);
    const baseUrl =
      fromEnv(env, usual) ?? lookUp(vendor.baseUrl, env, `vendors.${vendorId}.baseUrl`, usual, problems);
    // A blank base URL (as init writes it) counts as not given, like a blank fact.
    if (baseUrl === undefined || baseUrl === '') return;
    assertUsableBaseUrl(vendorId, baseUrl);
    const sandboxFlag = fromEnv(env, sandboxVariable(vendorId));
    resolved.set(vendorId, {
      vendorId,
      baseUrl: baseUrl.replace(/\/+$/, ''),
      declaredSandbox: sandboxFlag === undefined ? vendor.sandbox === true : sandboxFlag === 'true',
      credentials: {
        vendorId,
        roles: resolveRoles(
          vendorId,
          vendor.credentials ?? {},
          env,
          options.credentials === false ? undefined : problems,
        ),
        facts: resolveFacts(vendorId, stringFacts(vendor.facts ?? {}), env, problems),
        numericFacts: Object.entries(vendor.facts ?? {})
          .filter(([, value]) => typeof value === 'number')
          .map(([name]) => name),
        operations: resolveOperations(vendorId, vendor.operations ?? {}, env, problems),
      },
      checks: vendor.checks ?? {},
      ...(vendor.preflight === undefined ? {} : { preflight: vendor.preflight }),
      ...(vendor.fixtures === undefined ? {} : { fixtures: vendor.fixtures }),
    });
  });
  problems.throwIfAny();
  return resolved;
}

/**
 * Facts or operation paths from the file, and from ERROR_CONTRACTS_<VENDOR>_FACT_<NAME> or
 * _OPERATION_<NAME> variables, which win. The variables name them in upper snake case; they are
 * stored under the vocabulary's camel-case name (FACT_STALE_ID -> staleId). An empty value counts
 * as not given, so a config written by `init` loads before every blank is filled.
 */
/** A request body override deeper than this is refused: no API's example body nests so far. */
const MAX_OVERRIDE_DEPTH = 64;

const OPERATION_PATH_RULE =
  'must be a path starting with "/" (or {{operations.<name>}}), or an absolute URL.';

/** The one rule for an operation path, from the file or from a variable. */
function isOperationPath(path: string): boolean {
  return /^(\/|https?:\/\/|\{\{operations\.)/i.test(path);
}

/** Facts from the file (a value or the variable naming it) and from ERROR_CONTRACTS_<VENDOR>_FACT_* variables. */
function resolveFacts(
  vendorId: VendorId,
  configured: Record<string, ConfigString>,
  env: Env,
  problems: ConfigProblems,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, value] of Object.entries(configured)) {
    const text = lookUp(
      value,
      env,
      `vendors.${vendorId}.facts.${name}`,
      factVariable(vendorId, name),
      problems,
    );
    if (text !== undefined && text !== '') found[name] = text;
  }
  const vocabulary = Object.keys(scenarioDataFor(vendorId).facts);
  const prefix = factVariable(vendorId, '');
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(prefix) || value === undefined || value === '') continue;
    const suffix = name.slice(prefix.length);
    // Known names map exactly (ids with digits survive); others by the camel-case rule.
    const known = vocabulary.find((candidate) => factVariable(vendorId, candidate) === name);
    const camel =
      known ?? suffix.toLowerCase().replace(/_([a-z0-9])/g, (_whole, letter: string) => letter.toUpperCase());
    found[camel] = value;
  }
  return found;
}

/** Facts with numbers written as their decimal text; which were numbers is kept apart. */
function stringFacts(facts: Record<string, ConfigString | number>): Record<string, ConfigString> {
  return Object.fromEntries(
    Object.entries(facts).map(([name, value]) => [name, typeof value === 'number' ? String(value) : value]),
  );
}

function resolveRoles(
  vendorId: VendorId,
  configured: Partial<Record<CredentialRole, CredentialConfig>>,
  env: Env,
  problems: ConfigProblems | undefined,
): Partial<Record<CredentialRole, Credential>> {
  const { authentication } = getVendor(vendorId).policy;
  const roles: Partial<Record<CredentialRole, Credential>> = {};
  for (const role of ROLES) {
    const given = configured[role] ?? {};
    // The usual variable (what init writes) not set leaves the role unconfigured: its checks are
    // skipped, naming that variable. Another variable not set is a problem, unless credentials
    // are not needed at all (a dry run, a listing).
    const field = (name: keyof CredentialConfig) => {
      const usual = credentialVariable(vendorId, role, name);
      const at = `vendors.${vendorId}.credentials.${role}.${name}`;
      return fromEnv(env, usual) ?? lookUp(given[name], env, at, usual, problems ?? new ConfigProblems());
    };
    const value = field('value');
    if (value !== undefined) {
      roles[role] = { kind: 'header', header: authentication.header, value };
      continue;
    }
    if (authentication.scheme !== 'oauth2_client_credentials') continue;
    const [clientId, clientSecret, scope, tokenUrl] = OAUTH_FIELDS.map((name) => field(name));
    if (clientId === undefined || clientSecret === undefined || tokenUrl === undefined) continue;
    roles[role] = { kind: 'oauthClient', clientId, clientSecret, scope: scope ?? '', tokenUrl };
  }
  return roles;
}

/**
 * A base URL must be absolute and carry nothing but scheme, host and path: user info would put a
 * password where every report prints the URL, and a query or fragment would be glued to every
 * check's path. The value itself is never echoed, since a key pasted into the wrong variable is
 * exactly the mistake this catches.
 */
function assertUsableBaseUrl(vendorId: VendorId, baseUrl: string): void {
  const fix = `fix ${baseUrlVariable(vendorId)} or vendors.${vendorId}.baseUrl`;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new RunConfigError(`${vendorId}: the base URL is not an absolute http(s) URL; ${fix}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RunConfigError(`${vendorId}: the base URL must start with http:// or https://; ${fix}.`);
  }
  if (url.username || url.password) {
    throw new RunConfigError(
      `${vendorId}: the base URL carries a user name or password; put credentials in the credential variables instead and ${fix}.`,
    );
  }
  if (url.search || url.hash) {
    throw new RunConfigError(`${vendorId}: the base URL has a query or fragment; ${fix}.`);
  }
}

/**
 * Refuses, before any request is sent, a vendor whose base URL is not loopback unless it was
 * declared a sandbox: a typo in a base URL must not aim a burst of test traffic at production.
 */
export function assertDeclaredSandboxes(
  vendors: Iterable<ResolvedVendorConfig>,
  allowUndeclared: boolean,
): void {
  for (const vendor of vendors) {
    assertOperationsOnDeclaredOrigins(vendor);
    if (allowUndeclared || vendor.declaredSandbox) continue;
    // Token endpoints count too: a client-credentials grant is traffic to somebody's server.
    const remote = [...declaredUrls(vendor), ...absoluteOperations(vendor)].find(
      (url) => !isLoopbackUrl(url),
    );
    if (remote === undefined) continue;
    throw new RunConfigError(
      `${vendor.vendorId}: ${hostOf(remote)} is not loopback and was not declared a sandbox, so no request was sent. If it is a sandbox, set ${sandboxVariable(vendor.vendorId)}=true, or "sandbox": true under vendors.${vendor.vendorId} in the config file, or pass --yes-this-is-a-sandbox.`,
    );
  }
}

/** The URLs a vendor's configuration sends to by itself: its base URL and its token URLs. */
export function declaredUrls(vendor: ResolvedVendorConfig): string[] {
  const tokenUrls = Object.values(vendor.credentials.roles).flatMap((credential) =>
    credential?.kind === 'oauthClient' ? [credential.tokenUrl] : [],
  );
  return [vendor.baseUrl, ...tokenUrls];
}

/** The operation paths given as absolute URLs. */
function absoluteOperations(vendor: ResolvedVendorConfig): string[] {
  return Object.values(vendor.credentials.operations ?? {})
    .map((operation) => operation.path ?? '')
    .filter((path) => /^https?:\/\//i.test(path));
}

/**
 * An operation given as an absolute URL must be on the base URL's origin, a token URL's, or
 * loopback: declaring the base URL a sandbox vouches for that host, not for any other the
 * credentials would then be sent to.
 */
function assertOperationsOnDeclaredOrigins(vendor: ResolvedVendorConfig): void {
  const guard = createRequestGuard(declaredUrls(vendor));
  for (const [name, operation] of Object.entries(vendor.credentials.operations ?? {})) {
    const path = operation.path ?? '';
    if (!/^https?:\/\//i.test(path)) continue;
    const refusal = guard.refusal(path);
    if (refusal === undefined) continue;
    throw new RunConfigError(
      `${vendor.vendorId}: the operation ${name} is an absolute URL on ${refusal}, so no request was sent. Give it as a path on the base URL (${operationVariable(vendor.vendorId, name)} or vendors.${vendor.vendorId}.operations.${name}).`,
    );
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'a token URL that does not parse';
  }
}

/**
 * Every check id named under vendors.<id>.checks must be one of that vendor's checks: a typo would
 * otherwise leave the override silently unused and the check failing against the sandbox.
 */
export function assertKnownCheckIds(file: RunConfigFile): void {
  for (const [vendorId, vendor] of Object.entries(file.vendors ?? {})) {
    if (!vendor?.checks || !isVendorId(vendorId)) continue;
    const known = new Set(checklistFor(vendorId).map((check) => check.id));
    for (const id of Object.keys(vendor.checks)) {
      if (!known.has(id)) {
        throw new RunConfigError(
          `vendors.${vendorId}.checks.${id} names no check of ${vendorId};${didYouMean(id, [...known])} "error-contracts checks --vendor ${vendorId}" lists them.`,
        );
      }
    }
  }
}

/**
 * The sandbox vendors of one run, resolved once: the named ones (each must have a base URL), or
 * every vendor the configuration gives one; each checked against the declared-sandbox rule.
 */
export function sandboxVendors(
  file: RunConfigFile,
  env: Env,
  named: readonly VendorId[] | undefined,
  allowUndeclared: boolean,
  options: ResolveOptions = {},
): Map<VendorId, ResolvedVendorConfig> {
  const resolved = resolveSandboxConfig(file, env, options);
  const chosen = named ?? [...resolved.keys()];
  if (chosen.length === 0) {
    throw new RunConfigError(
      `no vendor has a sandbox base URL; set ERROR_CONTRACTS_<VENDOR>_BASE_URL (for example ${baseUrlVariable(vendorIds[0] ?? 'vendor')}) or vendors.<id>.baseUrl in the config file, or name one with --vendor.`,
    );
  }
  const vendors = new Map<VendorId, ResolvedVendorConfig>();
  const problems = new ConfigProblems();
  problems.each(chosen, (id) => {
    const vendor = resolved.get(id);
    if (!vendor) {
      throw new RunConfigError(
        `${id} has no sandbox base URL; set ${baseUrlVariable(id)} or vendors.${id}.baseUrl in the config file.`,
      );
    }
    vendors.set(id, vendor);
  });
  // Each undeclared remote host is named, not only the first.
  problems.each(vendors.values(), (vendor) => assertDeclaredSandboxes([vendor], allowUndeclared));
  problems.throwIfAny();
  return vendors;
}

/** Which variable a person sets to give a role its credential, for the skip reasons. */
export function credentialHint(vendorId: VendorId, role: CredentialRole): string {
  const { authentication } = getVendor(vendorId).policy;
  if (authentication.scheme === 'oauth2_client_credentials' && role !== 'expired') {
    return `${credentialVariable(vendorId, role, 'clientId')}, ${credentialVariable(vendorId, role, 'clientSecret')} and ${credentialVariable(vendorId, role, 'tokenUrl')}`;
  }
  return credentialVariable(vendorId, role);
}
