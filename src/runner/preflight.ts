/**
 * Before any check, one look at each sandbox vendor: does the base URL answer, and is the valid
 * credential accepted? A wrong URL or a stale key would otherwise fail every check, and read as a
 * vendor that broke its documentation. Neither is a finding about the vendor, so neither is
 * reported as one: the run stops with the reason and the variable to fix.
 */
import { ErrorContractsError } from '../errors.js';
import { scenarioDataFor } from '../scenarios/index.js';
import { factsNamedBy, MissingFactError, resolveRequest } from '../scenarios/resolve.js';
import {
  exchange,
  type HttpAnswer,
  type HttpSend,
  requestToken,
  sendScenarioRequest,
} from '../scenarios/runner.js';
import type { ResolvedRequest, ScenarioRequest } from '../scenarios/types.js';
import { getVendor } from '../vendors/registry.js';
import { baseUrlVariable, credentialVariable, operationVariable } from './config/env-names.js';
import { credentialHint, type ResolvedVendorConfig } from './config/sandbox-config.js';
import { USER_AGENT } from './targets/http-target.js';

const CODES = {
  unreachable: 'ERR_PREFLIGHT_UNREACHABLE',
  unhealthy: 'ERR_PREFLIGHT_UNHEALTHY',
  credential_rejected: 'ERR_PREFLIGHT_CREDENTIAL',
  not_found: 'ERR_PREFLIGHT_NOT_FOUND',
} as const;

/**
 * Why a vendor cannot be checked. The vendor's side (it does not answer, or answers 5xx: retry
 * later, exit 3) or ours (it refuses the valid credential, or a list endpoint that needs no facts
 * answers another 4xx, so the base URL or the operation's path is wrong: fix the config, exit 2).
 */
export class PreflightError extends ErrorContractsError {
  readonly reason: keyof typeof CODES;
  constructor(reason: PreflightError['reason'], message: string) {
    super(CODES[reason], message);
    this.name = 'PreflightError';
    this.reason = reason;
  }
}

/** Throws PreflightError when the vendor is unreachable or refuses the valid credential. */
export async function preflight(vendor: ResolvedVendorConfig, send: HttpSend = labelled): Promise<void> {
  const { vendorId, baseUrl, credentials } = vendor;
  const valid = credentials.roles.valid;
  const reach = async (what: string, attempt: () => Promise<HttpAnswer>): Promise<HttpAnswer> => {
    try {
      return await attempt();
    } catch (error) {
      throw new PreflightError(
        'unreachable',
        `${vendorId}: ${what} does not answer (${(error as Error).message}); check ${baseUrlVariable(vendorId)} or vendors.${vendorId}.baseUrl. No check was run.`,
      );
    }
  };
  const refused = (status: number) =>
    new PreflightError(
      'credential_rejected',
      `${vendorId}: the valid credential was refused (HTTP ${status}); check ${credentialHint(vendorId, 'valid')}. No check was run.`,
    );
  const unhealthy = (what: string, status: number) =>
    new PreflightError(
      'unhealthy',
      `${vendorId}: ${what} answered HTTP ${status}: the vendor is unhealthy; retry later. No check was run.`,
    );
  if (valid?.kind === 'oauthClient') {
    const what = `the token endpoint ${hostOf(valid.tokenUrl)}`;
    const answer = await reach(what, () =>
      requestToken(getVendor(vendorId).policy.authentication, valid, send),
    );
    if (answer.status >= 500) throw unhealthy(what, answer.status);
    if (answer.status === 404) {
      throw new PreflightError(
        'not_found',
        `${vendorId}: ${what} answered HTTP 404; check the token URL, ${credentialVariable(vendorId, 'valid', 'tokenUrl')}. No check was run.`,
      );
    }
    if (answer.status !== 200 || !/"access_token"/.test(answer.body)) throw refused(answer.status);
  }
  const read = safeRead(vendor);
  if (!read || !valid) {
    // Nothing to judge a credential by: only whether the host answers at all.
    await reach(`the base URL ${hostOf(baseUrl)}`, () => send(baseUrl, 'GET', {}, undefined));
    return;
  }
  const what = `the base URL ${hostOf(baseUrl)}`;
  const answer = await reach(what, () => sendScenarioRequest({ baseUrl, credentials, send }, read.request));
  if (answer.status < 300) return;
  if (answer.status === 401 || answer.status === 403) throw refused(answer.status);
  if (answer.status >= 500) throw unhealthy(what, answer.status);
  // The read names a record the config says exists: any other refusal means it was sent to the
  // wrong place or names the wrong record, not that the vendor broke its documentation.
  const facts = factsNamedBy(read.planned);
  throw new PreflightError(
    'not_found',
    `${vendorId}: the preflight read ${read.operation} at ${what} answered HTTP ${answer.status}; check baseUrl (${baseUrlVariable(vendorId)}), operations.${read.operation} (${operationVariable(vendorId, read.operation)})${facts.length > 0 ? `, ${facts.map((name) => `facts.${name}`).join(', ')}` : ''} or vendors.${vendorId}.preflight. No check was run.`,
  );
}

/**
 * The preflight's read (configured, or the vendor's documented single-record read), resolved, with
 * the valid role; undefined when a fact it needs is not set.
 */
function safeRead(
  vendor: ResolvedVendorConfig,
): { operation: string; planned: ScenarioRequest; request: ResolvedRequest } | undefined {
  const planned: ScenarioRequest = { ...(vendor.preflight ?? scenarioDataFor(vendor.vendorId).preflight) };
  try {
    return {
      operation: planned.operation,
      planned,
      request: { ...resolveRequest(vendor.credentials, planned), role: 'valid' },
    };
  } catch (error) {
    if (error instanceof MissingFactError) return undefined;
    throw error;
  }
}

const labelled: HttpSend = (url, method, headers, body) =>
  exchange(url, method, { 'user-agent': USER_AGENT, ...headers }, body);

/** Only the host: a value that does not parse as a URL may be a secret pasted into the wrong variable. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(a URL that does not parse)';
  }
}
