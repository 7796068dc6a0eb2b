/**
 * Before any check, one look at each sandbox vendor: does the base URL answer, and is the valid
 * credential accepted? A wrong URL or a stale key would otherwise fail every check, and read as a
 * vendor that broke its documentation. Neither is a finding about the vendor, so neither is
 * reported as one: the run stops with the reason and the variable to fix.
 */
import { ErrorContractsError } from '../errors.js';
import { behaviourFor } from '../scenarios/index.js';
import { MissingFactError, resolveRequest } from '../scenarios/resolve.js';
import {
  type Exchange,
  exchange,
  type HttpSend,
  requestToken,
  sendScenarioRequest,
} from '../scenarios/runner.js';
import type { ResolvedRequest } from '../scenarios/types.js';
import { baseUrlVariable } from './config/env-names.js';
import { credentialHint, type ResolvedVendorConfig } from './config/sandbox-config.js';
import { USER_AGENT } from './targets/http-target.js';

/** Why a vendor cannot be checked: it does not answer (exit 3), or refuses the valid credential (exit 2). */
export class PreflightError extends ErrorContractsError {
  readonly reason: 'unreachable' | 'credential_rejected';
  constructor(reason: PreflightError['reason'], message: string) {
    super(reason === 'unreachable' ? 'ERR_PREFLIGHT_UNREACHABLE' : 'ERR_PREFLIGHT_CREDENTIAL', message);
    this.name = 'PreflightError';
    this.reason = reason;
  }
}

/** Throws PreflightError when the vendor is unreachable or refuses the valid credential. */
export async function preflight(vendor: ResolvedVendorConfig, send: HttpSend = labelled): Promise<void> {
  const { vendorId, baseUrl, credentials } = vendor;
  const valid = credentials.roles.valid;
  const reach = async (what: string, attempt: () => Promise<Exchange>): Promise<Exchange> => {
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
  if (valid?.kind === 'oauthClient') {
    const answer = await reach(`the token endpoint ${hostOf(valid.tokenUrl)}`, () =>
      requestToken(valid, send),
    );
    if (answer.status !== 200 || !/"access_token"/.test(answer.body)) throw refused(answer.status);
  }
  const read = safeRead(vendor);
  if (!read || !valid) {
    // Nothing to judge a credential by: only whether the host answers at all.
    await reach(`the base URL ${hostOf(baseUrl)}`, () => send(baseUrl, 'GET', {}, undefined));
    return;
  }
  const answer = await reach(`the base URL ${hostOf(baseUrl)}`, () =>
    sendScenarioRequest({ baseUrl, credentials, send }, read),
  );
  if (answer.status === 401 || answer.status === 403) throw refused(answer.status);
}

/** The vendor's safe read, resolved, with the valid role; undefined when a fact it needs is not set. */
function safeRead(vendor: ResolvedVendorConfig): ResolvedRequest | undefined {
  try {
    return { ...resolveRequest(vendor.credentials, behaviourFor(vendor.vendorId).read), role: 'valid' };
  } catch (error) {
    if (error instanceof MissingFactError) return undefined;
    throw error;
  }
}

const labelled: HttpSend = (url, method, headers, body) =>
  exchange(url, method, { 'user-agent': USER_AGENT, ...headers }, body);

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
