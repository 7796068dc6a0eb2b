import type { VendorId } from '../../../src/index.js';
import { casexchange } from './casexchange.js';
import { claimrev } from './claimrev.js';
import { collate } from './collate.js';
import { denialbase } from './denialbase.js';
import { foresight } from './foresight.js';
import type { VendorClientCases } from './literal-client.js';

/** Every vendor's doc-literal and line-breaking clients, one file each. */
export const clientCases: Readonly<Record<VendorId, VendorClientCases>> = {
  claimrev,
  collate,
  casexchange,
  foresight,
  denialbase,
};
