import type { VendorId } from '../../src/index.js';
import { loadOracles, oracleOf } from './vendor-oracles.js';

/**
 * The documented (or, where the docs are silent, the recorded) retry numbers of one vendor, written
 * out by hand from its doc and the ambiguities in its policy: the wait before retry 1, 2, …, whether
 * jitter is added to it, the jitter ceiling and the number of calls in total. Nothing here is
 * computed by the code under test.
 */
export interface DocumentedRetry {
  waits: number[];
  jitter: boolean[];
  jitterMax: number;
  calls: number;
  capMs?: number;
}

/** Each vendor's test/vendors/<vendor>/documented-retry.ts, by vendor id. */
export const DOCUMENTED_RETRY: ReadonlyMap<VendorId, DocumentedRetry> = await loadOracles<DocumentedRetry>(
  'documented-retry.ts',
  'documentedRetry',
);

/** The vendors whose retry numbers are written out by hand, in registry order. */
export const vendorsWithDocumentedRetry: VendorId[] = [...DOCUMENTED_RETRY.keys()];

export const documentedRetryOf = (vendorId: VendorId): DocumentedRetry =>
  oracleOf(DOCUMENTED_RETRY, vendorId, 'documented-retry.ts');
