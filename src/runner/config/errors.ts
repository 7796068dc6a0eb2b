import { ErrorContractsError } from '../../errors.js';

/**
 * The run could not be set up as configured: a missing base URL, an unreadable config file, a
 * credential that names an unset variable. The message names the flag, file member or
 * environment variable that fixes it, so the CLI can print it as it is. A configuration with
 * several mistakes is one error listing every one (`problems`), so a single attempt shows them all.
 */
export class RunConfigError extends ErrorContractsError {
  /** Each problem on its own, with its fix; one entry when there is one problem. */
  readonly problems: readonly string[];
  constructor(message: string, options?: { cause?: unknown; problems?: readonly string[] }) {
    super('ERR_RUN_CONFIG', message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RunConfigError';
    this.problems = options?.problems ?? [message];
  }
}

/** One error for all the problems found: the problem itself when there is one, else a list. */
export function configErrorOf(problems: readonly string[]): RunConfigError {
  if (problems.length === 1) return new RunConfigError(problems[0] as string);
  const list = problems.map((problem) => `  - ${problem}`).join('\n');
  return new RunConfigError(`${problems.length} configuration problems, each with its fix:\n${list}`, {
    problems,
  });
}

/**
 * Collects configuration problems instead of stopping at the first, so that every unset variable
 * and invalid member is reported at once. A check that throws RunConfigError has its problems kept
 * and the next check goes on; anything else is a bug and is thrown as it is.
 */
export class ConfigProblems {
  private readonly found: string[] = [];

  add(message: string): void {
    this.found.push(message);
  }

  /** Runs one check, keeping what it finds wrong; its value, or undefined when it found a problem. */
  check<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof RunConfigError)) throw error;
      this.found.push(...error.problems);
      return undefined;
    }
  }

  /** Runs a check per item, so a problem in one item does not hide those in the next. */
  each<T>(items: Iterable<T>, run: (item: T) => void): void {
    for (const item of items) this.check(() => run(item));
  }

  get count(): number {
    return this.found.length;
  }

  /** Throws one RunConfigError naming every problem found, when there is one. */
  throwIfAny(): void {
    if (this.found.length > 0) throw configErrorOf(this.found);
  }
}
