import type { VendorId } from '../types.js';

/** A seeded deviation: one documented rule that a switched-on bug breaks, and nothing else. */
export interface SeededBug<Id extends string = string> {
  id: Id;
  vendor: VendorId;
  /** The doc line the bug breaks, verbatim. */
  rule: string;
  /** What changes in the vendor's answers when the bug is on. */
  breaks: string;
}

/**
 * A typed test for "is this bug switched on". Switching on an id the vendor does not define is an
 * error at start, so a misspelt bug cannot silently leave the vendor honest.
 */
export function bugSwitch<Id extends string>(
  enabled: ReadonlySet<string>,
  bugs: readonly SeededBug<Id>[],
): (id: Id) => boolean {
  const known = new Set<string>(bugs.map((bug) => bug.id));
  const vendors = new Set(bugs.map((bug) => `${bug.vendor}.`));
  for (const id of enabled) {
    if ([...vendors].some((prefix) => id.startsWith(prefix)) && !known.has(id)) {
      throw new Error(`unknown seeded bug ${id}`);
    }
  }
  return (id) => {
    if (!known.has(id)) throw new Error(`unknown seeded bug ${id}`);
    return enabled.has(id);
  };
}
