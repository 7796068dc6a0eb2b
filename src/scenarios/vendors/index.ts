import type { VendorId } from '../../vendors/registry.js';
import type { VendorScenarios } from '../types.js';
import { casexchange } from './casexchange.js';
import { claimrev } from './claimrev.js';
import { collate } from './collate.js';
import { denialbase } from './denialbase.js';
import { foresight } from './foresight.js';

/**
 * The one place that lists each vendor's scenario data. Typed by VendorId, so a vendor added to
 * schemas/ without its scenarios fails to compile.
 */
export const vendorScenarios: { readonly [V in VendorId]: VendorScenarios } = {
  claimrev,
  collate,
  casexchange,
  foresight,
  denialbase,
};
