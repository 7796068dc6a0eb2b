import type { HeaderCredential } from '../scenarios/types.js';
import { headerCredentialOf, secretOf } from '../vendors/authentication.js';
import { getVendor, type VendorId } from '../vendors/registry.js';

/**
 * A test credential as the vendor's policy says it travels (its header, its prefix), so a model's
 * credentials and the client's headers cannot disagree about the prefix.
 */
export function policyCredential(vendorId: VendorId, secret: string): HeaderCredential {
  return headerCredentialOf(getVendor(vendorId).policy.authentication, secret);
}

/**
 * The secret a request presents in the vendor's policy header, its prefix taken off; undefined
 * when the header is absent or holds nothing after the prefix. Header names arrive in lower case.
 */
export function presentedSecret(
  vendorId: VendorId,
  headers: Readonly<Record<string, string>>,
): string | undefined {
  const auth = getVendor(vendorId).policy.authentication;
  const value = headers[auth.header.toLowerCase()];
  const secret = value === undefined ? '' : secretOf(auth, value);
  return secret === '' ? undefined : secret;
}
