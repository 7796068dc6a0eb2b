import type { HeaderCredential } from '../scenarios/types.js';
import { headerCredentialOf } from '../vendors/authentication.js';
import { getVendor, type VendorId } from '../vendors/registry.js';

/**
 * A test credential as the vendor's policy says it travels (its header, its prefix), so a model's
 * credentials and the client's headers cannot disagree about the prefix.
 */
export function policyCredential(vendorId: VendorId, secret: string): HeaderCredential {
  return headerCredentialOf(getVendor(vendorId).policy.authentication, secret);
}
