import type { IndependentVendorModule } from './vendors.js';

/**
 * A seeded one-rule bug. Each breaks exactly one documented promise of one vendor and leaves every
 * other answer alone, so a conformance run against a vendor started with one of them must fail
 * exactly where that promise is checked. Each vendor's bugs are in `vendors/<v>/bugs.ts`, keyed
 * `<v>.<name>`.
 */
export interface SeededBug {
  /** The kind of promise it breaks; a vendor's bugs each break a different kind. */
  rule: string;
  /** What changes in the vendor's answers, in a sentence. */
  breaks: string;
  /** The checks whose failure catches it: check ids, or prefixes written with a trailing `*`. */
  caughtBy: readonly string[];
  /** No check outside `caughtBy` may fail because of it (a promise no other check watches). */
  onlyCaughtThere?: true;
  /**
   * Only a request carrying one of the vendor's magic values reaches it (a server-side failure):
   * a plain sandbox run cannot, the run whose per-check overrides send those values sees it in
   * `check`, as a failure or, where the docs give no status, as drift.
   */
  needsOverride?: { check: string; seenAs: 'fail' | 'drift' };
}

export type VendorBugs = Record<string, SeededBug>;

/** A bug's id: `<vendor>.<name>`. */
export type BugId = string;

/** The vendor a bug belongs to: the part of its id before the first dot. */
export const vendorOfBug = (bug: BugId): string => bug.slice(0, bug.indexOf('.'));

/** Whether a check id is one `caughtBy` names (exactly, or by a `*` prefix). */
export function namesCheck(caughtBy: readonly string[], checkId: string): boolean {
  return caughtBy.some((entry) =>
    entry.endsWith('*') ? checkId.startsWith(entry.slice(0, -1)) : checkId === entry,
  );
}

/** Every bug of the given vendors, by id, in vendor order. */
export function bugRegistry(vendors: readonly IndependentVendorModule[]): Map<BugId, SeededBug> {
  return new Map(vendors.flatMap((vendor) => Object.entries(vendor.bugs)));
}

/** The bugs an ordinary sandbox run reaches, without sending a magic value. */
export function bugsWithoutOverride(registry: ReadonlyMap<BugId, SeededBug>): BugId[] {
  return [...registry].filter(([, bug]) => bug.needsOverride === undefined).map(([id]) => id);
}
