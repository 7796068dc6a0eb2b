import type { VendorId } from '../../src/vendors/registry.js';
import { bodyOf } from './answers.js';
import type { Answer } from './call.js';
import { type IndependentOptions, startIndependentVendors } from './index.js';
import type { VendorDirectory } from './types.js';

/** Runs `body` against fresh servers of one vendor and always closes them. */
export async function withVendor<T>(
  vendorId: VendorId,
  body: (directory: VendorDirectory) => Promise<T>,
  options: IndependentOptions = {},
): Promise<T> {
  const started = await startIndependentVendors({ ...options, vendors: [vendorId] });
  try {
    return await body(started.directory[vendorId] as VendorDirectory);
  } finally {
    await started.close();
  }
}

/** The id of the record a success answer returns. */
export const idOf = (answer: Answer) => (bodyOf(answer) as { id?: string } | undefined)?.id;
