import { isVendorId, type VendorId, vendorIds } from '../vendors/registry.js';
import { UsageError } from './io.js';

/** The <vendor> positional argument, checked, with the valid ids in the message when wrong. */
export function vendorArgument(value: string | undefined, command: string): VendorId {
  if (value === undefined) {
    throw new UsageError(`${command}: name a vendor (one of ${vendorIds.join(', ')}).`);
  }
  if (!isVendorId(value)) {
    throw new UsageError(`${command}: unknown vendor "${value}"; use one of ${vendorIds.join(', ')}.`);
  }
  return value;
}
