import { expect, it } from 'vitest';
import type { VendorId } from '../types.js';
import type { SeededBug } from './bugs.js';
import { type DocumentedCase, expectedObservations, observeCases, seededBugDeviations } from './cases.js';

/**
 * The two tests every vendor of the dialect has: the documented cases answer as documented, and
 * each seeded bug changes the case of its rule and nothing else.
 */
export function itAnswersDocumentedCases<Id extends string>(
  vendor: VendorId,
  cases: readonly DocumentedCase[],
  bugs: readonly SeededBug<Id>[],
  bugCases: Readonly<Record<Id, string>>,
): void {
  it('answers every documented case as its doc says', async () => {
    expect(await observeCases(vendor, cases, [])).toEqual(expectedObservations(cases));
  });

  it('each seeded bug changes its own case and leaves the others as they were', async () => {
    expect(Object.keys(bugCases).sort()).toEqual(bugs.map((bug) => bug.id).sort());
    expect(await seededBugDeviations(vendor, cases, bugCases)).toEqual([]);
  });
}
