import type { VendorId } from '../../../src/index.js';
import { vendorModels } from '../../../src/simulator/vendors/index.js';

/** The secret part of the simulator's valid credential for a vendor with a header credential. */
export function validCredentialValue(vendorId: VendorId): string {
  const credential = vendorModels[vendorId].credentials('https://unused.invalid').roles.valid;
  if (credential?.kind !== 'header') throw new Error(`${vendorId} has no header credential`);
  return credential.value.replace(/^.*[= ]/, '');
}
