import type { VendorId } from '../../vendors/registry.js';
import { baseUrlVariable } from './env-names.js';
import { RunConfigError } from './errors.js';

/**
 * A base URL must be absolute and carry nothing but scheme, host and path: user info would put a
 * password where every report prints the URL, and a query or fragment would be glued to every
 * check's path. The value itself is never echoed, since a key pasted into the wrong variable is
 * exactly the mistake this catches.
 */
export function assertUsableBaseUrl(vendorId: VendorId, baseUrl: string): void {
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
