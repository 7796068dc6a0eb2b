import type { HeaderCredential } from '../scenarios/types.js';
import { getVendor, type VendorId } from '../vendors/registry.js';

/**
 * A test credential as the vendor's policy says it travels: in the policy's header, after its
 * prefix ("Bearer ", "ApiKey "). Built from the policy, so a model's credentials and the client's
 * headers cannot disagree about the prefix.
 */
export function policyCredential(vendorId: VendorId, secret: string): HeaderCredential {
  const { header, prefix = '' } = getVendor(vendorId).policy.authentication;
  return { kind: 'header', header, value: `${prefix}${secret}` };
}
