import type { FailingRequest } from '../types.js';

/** One seeded record that fails on the vendor's side: the fact naming it, the code and status it provokes. */
export type FailingRecord = readonly [fact: string, provokes: string, status: number];

/** The failing requests that read a failing record through one operation and its id parameter. */
export function failingReads(
  operation: string,
  param: string,
  facts: Readonly<Record<string, string | number>>,
  records: readonly FailingRecord[],
): FailingRequest[] {
  return records.map(([fact, provokes, status]) => ({
    operation,
    params: { [param]: facts[fact] ?? 0 },
    provokes,
    status,
  }));
}
