/** A goal from the issue, judged against figures measured in the same run. */
export interface Goal {
  description: string;
  met: boolean;
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
