import type { CatalogEntry, Provenance } from '../generated/meta-types.js';

/**
 * How a check treats an answer that differs from the catalog's: a documented promise broken is a
 * failure; an inferred reading (the project's choice where the docs leave room) answered otherwise
 * is drift; a status the catalog lists among its accepted readings is simply conforming.
 */
export type Judgement = 'pass' | 'drift' | 'fail';

/** Whether a status is the catalog's for this code or one of the readings it also accepts. */
export function acceptsStatus(
  entry: Pick<CatalogEntry, 'status' | 'acceptedStatuses'>,
  status: number,
): boolean {
  const accepted: readonly number[] = entry.acceptedStatuses ?? [];
  return status === entry.status || accepted.includes(status);
}

/** A difference from a fact of this provenance: a failure only where the docs promised the fact. */
export function differenceFrom(source: Provenance | undefined): Exclude<Judgement, 'pass'> {
  return source === 'documented' ? 'fail' : 'drift';
}

/** The judgement of a status answered for a catalog code. */
export function judgeCatalogStatus(entry: CatalogEntry, status: number): Judgement {
  return acceptsStatus(entry, status) ? 'pass' : differenceFrom(entry.source.status);
}
