/**
 * Which vendors one sandbox run sends to, and the refusal to send test traffic anywhere nobody
 * declared a sandbox: a typo in a base URL must not aim a burst of requests at production.
 */
import { createRequestGuard } from '../../net/request-guard.js';
import { type VendorId, vendorIds } from '../../vendors/registry.js';
import { baseUrlVariable, operationVariable, sandboxVariable } from './env-names.js';
import { ConfigProblems, RunConfigError } from './errors.js';
import { isLoopbackUrl } from './loopback.js';
import { resolveSandboxConfig } from './resolve.js';
import type { Env, ResolvedVendorConfig, ResolveOptions, RunConfigFile } from './types.js';

/**
 * Refuses, before any request is sent, a vendor whose base URL is not loopback unless it was
 * declared a sandbox.
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
