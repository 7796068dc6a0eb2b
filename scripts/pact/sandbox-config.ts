import { ErrorContractsError } from '../../src/errors.js';
import type { VendorCredentials } from '../../src/simulator/types.js';
import type { VendorId } from '../../src/vendors/registry.js';

/** A sandbox setting that cannot be used; the message names the variable to fix. */
export class SandboxConfigError extends ErrorContractsError {
  constructor(message: string) {
    super('ERR_SANDBOX_CONFIG', message);
    this.name = 'SandboxConfigError';
  }
}

export interface SandboxTarget {
  vendorId: VendorId;
  baseUrl: string;
  credentials: VendorCredentials;
}

/** The variables for one vendor: PACT_SANDBOX_<ID>_URL and PACT_SANDBOX_<ID>_CREDENTIALS. */
export function sandboxVariables(vendorId: VendorId): { url: string; credentials: string } {
  const prefix = `PACT_SANDBOX_${vendorId.toUpperCase()}`;
  return { url: `${prefix}_URL`, credentials: `${prefix}_CREDENTIALS` };
}

/**
 * The sandboxes configured in the environment. Credentials are a JSON object of roles, each
 * `{"kind":"header","header":"X-API-Key","value":"..."}` or an OAuth client; they are read here
 * and only ever sent to the sandbox.
 */
export function sandboxTargets(
  vendors: readonly VendorId[],
  env: Readonly<Record<string, string | undefined>>,
): SandboxTarget[] {
  return vendors.flatMap((vendorId) => {
    const names = sandboxVariables(vendorId);
    const baseUrl = env[names.url];
    if (!baseUrl) return [];
    const text = env[names.credentials];
    if (!text) throw new SandboxConfigError(`${names.url} is set but ${names.credentials} is not.`);
    let roles: unknown;
    try {
      roles = JSON.parse(text);
    } catch {
      // The value itself is a secret: say where it is wrong, never what it holds.
      throw new SandboxConfigError(`${names.credentials} is not JSON; it holds an object of roles.`);
    }
    if (typeof roles !== 'object' || roles === null || Array.isArray(roles)) {
      throw new SandboxConfigError(`${names.credentials} must be a JSON object of roles.`);
    }
    return [{ vendorId, baseUrl, credentials: { vendorId, roles, facts: {} } as VendorCredentials }];
  });
}
