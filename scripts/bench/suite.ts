import type { Range } from './measure.js';

/**
 * A goal from the issue, judged against figures measured in the same run. `description` and `met`
 * are all a suite must give; a goal that also names what was measured, against which peer, the
 * figure and the target is printed as a row of the goals table.
 */
export interface Goal {
  description: string;
  met: boolean;
  /** What was measured, e.g. "generated guard, invalid body (Collate)". */
  what?: string;
  /** What it was measured against, in the same run. */
  peer?: string;
  /** The figure compared with the target: the median, and the range over the rounds. */
  measured?: Range;
  /** How `measured` is printed (default: a ratio, `1.23x`). */
  unit?: 'ratio' | 'ms';
  /** The target as printed, e.g. "<= 1.2x". */
  target?: string;
}

export interface Table {
  title: string;
  head: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
}

export interface SuiteResult {
  tables: readonly Table[];
  /** Context a reader needs to trust or interpret the tables. */
  notes: readonly string[];
  goals: readonly Goal[];
}

/** One benchmark; adding a benchmark means adding a module that exports one of these. */
export interface Suite {
  /** Short name, used to pick suites on the command line. */
  name: string;
  title: string;
  run(): Promise<SuiteResult> | SuiteResult;
}
