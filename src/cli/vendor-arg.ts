import { didYouMean } from '../text/suggest.js';
import { isVendorId, type VendorId, vendorIds } from '../vendors/registry.js';
import { UsageError } from './io.js';

/**
 * A vendor id the user typed, checked, with a suggestion and the valid ids when wrong. `where`
 * names the argument that fixes it ("--vendor", "<vendor>").
 */
export function vendorArgument(value: string | undefined, where: string): VendorId {
  if (value === undefined) {
    throw new UsageError(`name a vendor (${where}): one of ${vendorIds.join(', ')}.`);
  }
  if (!isVendorId(value)) {
    throw new UsageError(
      `unknown vendor "${value}" (${where}).${didYouMean(value, vendorIds)} The vendors: ${vendorIds.join(', ')}.`,
    );
  }
  return value;
}
