/** A matcher's verdict, before Vitest's wording of `.not` is applied. */
export interface MatcherOutcome {
  pass: boolean;
  /** The failure message; `isNot` when the assertion was negated (then a pass is the failure). */
  message: (isNot: boolean) => string;
  actual?: unknown;
  expected?: unknown;
}
