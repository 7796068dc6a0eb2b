import type { VendorId } from '../../vendors/registry.js';
import type { VendorModel } from '../types.js';
import { casexchange } from './casexchange.js';
import { claimrev } from './claimrev.js';
import { collate } from './collate/index.js';
import { denialbase } from './denialbase/index.js';
import { foresight } from './foresight/index.js';

/**
 * The one place that lists the behaviour models. Typed by VendorId, so a vendor added to
 * schemas/ without a model here fails to compile.
 */
export const vendorModels: { readonly [V in VendorId]: VendorModel<unknown> } = {
  claimrev,
  collate,
  casexchange,
  foresight,
  denialbase,
};
