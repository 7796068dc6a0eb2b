/**
 * From a checked config file and the environment to what a sandbox target needs: per vendor its
 * base URL, credentials by role, facts and operations, with every variable read and every
 * unset variable the file names reported together. Environment variables win over the file.
 */
import { scenarioDataFor } from '../../scenarios/index.js';
import {
  CREDENTIAL_ROLES,
  type Credential,
  type CredentialRole,
  type OperationOverride,
} from '../../scenarios/types.js';
import { exchangesToken } from '../../vendors/authentication.js';
import { getVendor, type VendorId, vendorIds } from '../../vendors/registry.js';
import { assertUsableBaseUrl } from './base-url.js';
import { CLIENT_CREDENTIAL_FIELDS } from './client-credential-fields.js';
import { isOperationPath, OPERATION_PATH_RULE } from './cross-checks.js';
import {
  baseUrlVariable,
  credentialVariable,
  factVariable,
  operationVariable,
  sandboxVariable,
} from './env-names.js';
import { ConfigProblems, RunConfigError } from './errors.js';
import { fromEnv, lookUp, parseOperationVariable } from './parse.js';
import type {
  ConfigString,
  CredentialConfig,
  Env,
  ResolvedVendorConfig,
  ResolveOptions,
  RunConfigFile,
} from './types.js';

/**
 * The vendors a sandbox run can reach: every vendor given a base URL by the file or the
 * environment. Credentials are those configured; a role left out is reported by the checks that
 * need it, as skipped with the variable to set.
 */
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
    const facts = vendor.facts ?? {};
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
        facts: resolveFacts(vendorId, stringFacts(facts), env, problems),
        numericFacts: Object.entries(facts)
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
      if (operation.path !== undefined && !isOperationPath(operation.path))
        throw new RunConfigError(`${source} ${OPERATION_PATH_RULE}`);
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

/**
 * Facts from the file (a value or the variable naming it) and from ERROR_CONTRACTS_<VENDOR>_FACT_*
 * variables, which win. The variables name them in upper snake case; they are stored under the
 * vocabulary's camel-case name (FACT_STALE_ID -> staleId).
 */
function resolveFacts(
  vendorId: VendorId,
  configured: Record<string, ConfigString>,
  env: Env,
  problems: ConfigProblems,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, value] of Object.entries(configured)) {
    const at = `vendors.${vendorId}.facts.${name}`;
    const text = lookUp(value, env, at, factVariable(vendorId, name), problems);
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
  for (const role of CREDENTIAL_ROLES) {
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
    if (!exchangesToken(authentication)) continue;
    const [clientId, clientSecret, scope, tokenUrl] = CLIENT_CREDENTIAL_FIELDS.map((name) => field(name));
    if (clientId === undefined || clientSecret === undefined || tokenUrl === undefined) continue;
    roles[role] = { kind: 'oauthClient', clientId, clientSecret, scope: scope ?? '', tokenUrl };
  }
  return roles;
}
