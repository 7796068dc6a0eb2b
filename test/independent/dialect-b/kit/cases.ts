import { startDialectB } from '../index.js';
import type { DialectDirectory, VendorId } from '../types.js';
import { createVirtualClock, type VirtualClock } from './clock.js';

/**
 * Documented cases played against a freshly started vendor, each reduced to a short observation
 * (status, code, the header or member the rule is about). Observations from starts with and without
 * a seeded bug are compared: a bug must change its own case and no other.
 */
export interface StartedVendor {
  directory: DialectDirectory;
  clock: VirtualClock;
}

export interface DocumentedCase {
  name: string;
  /** The observation an honest vendor gives. */
  expected: string;
  observe(started: StartedVendor): Promise<string>;
  /**
   * Costly to play (e.g. tens of megabytes through loopback): the bug table plays it only without
   * bugs and with the bug that names it, not once per other bug.
   */
  costly?: true;
}

/** The cases a start with `bugCase` switched on is compared on: every cheap case, and its own. */
export function casesForBug(cases: readonly DocumentedCase[], bugCase: string): DocumentedCase[] {
  return cases.filter((documented) => documented.costly !== true || documented.name === bugCase);
}

export async function withVendor<T>(
  vendor: VendorId,
  bugs: readonly string[],
  use: (started: StartedVendor) => Promise<T>,
): Promise<T> {
  const clock = createVirtualClock();
  const dialect = await startDialectB({ vendors: [vendor], bugs, now: clock.now });
  try {
    const directory = dialect.directory[vendor];
    if (directory === undefined) throw new Error(`${vendor} did not start`);
    return await use({ directory, clock });
  } finally {
    await dialect.close();
  }
}

/** Every case on its own fresh start, so that quotas and clocks do not leak between cases. */
export async function observeCases(
  vendor: VendorId,
  cases: readonly DocumentedCase[],
  bugs: readonly string[],
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    cases.map(
      async (documented) => [documented.name, await withVendor(vendor, bugs, documented.observe)] as const,
    ),
  );
  return Object.fromEntries(entries);
}

export function expectedObservations(cases: readonly DocumentedCase[]): Record<string, string> {
  return Object.fromEntries(cases.map((documented) => [documented.name, documented.expected]));
}

/** Reads a member by RFC 6901 pointer, for ids nested in success bodies. */
export function atPointer(value: unknown, pointer: string): unknown {
  let current = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Plays the cases once per seeded bug and lists every deviation from "the bug changes its own case
 * and nothing else"; an empty list is the pass.
 */
export async function seededBugDeviations(
  vendor: VendorId,
  cases: readonly DocumentedCase[],
  bugCases: Readonly<Record<string, string>>,
): Promise<string[]> {
  const perBug = await Promise.all(
    Object.entries(bugCases).map(async ([bug, own]) => {
      const played = casesForBug(cases, own);
      const observed = await observeCases(vendor, played, [bug]);
      const deviations: string[] = [];
      if (observed[own] === undefined || observed[own] === expectedObservations(played)[own]) {
        deviations.push(`${bug}: "${own}" did not change (${String(observed[own])})`);
      }
      for (const documented of played) {
        if (documented.name !== own && observed[documented.name] !== documented.expected) {
          deviations.push(`${bug}: "${documented.name}" changed to ${String(observed[documented.name])}`);
        }
      }
      return deviations;
    }),
  );
  return perBug.flat();
}
