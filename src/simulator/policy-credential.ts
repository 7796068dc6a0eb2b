import type { AuthenticationPolicy } from '../generated/meta-types.js';
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
  let found = credentialHeaders.get(vendorId);
  if (!found) {
    const auth = getVendor(vendorId).policy.authentication;
    found = { auth, name: auth.header.toLowerCase(), prefix: auth.prefix ?? '' };
    credentialHeaders.set(vendorId, found);
  }
  const value = headers[found.name];
  if (value === undefined) return undefined;
  // A value that starts with the prefix as the policy spells it ("Bearer ", as clients send it)
  // gives the same secret as secretOf, which compares the prefix without regard to case: that
  // costs two lower-cased copies per request, so it is left for values spelled otherwise.
  const { prefix } = found;
  const secret =
    prefix !== '' && value.startsWith(prefix)
      ? value.slice(prefix.length).trimStart()
      : secretOf(found.auth, value);
  return secret === '' ? undefined : secret;
}

/**
 * Each vendor's authentication policy with its header name in lower case, found once: every
 * simulated request asks for it, and the policy never changes while the process runs.
 */
const credentialHeaders = new Map<VendorId, { auth: AuthenticationPolicy; name: string; prefix: string }>();
