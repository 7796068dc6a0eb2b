import { RunConfigError } from '../../src/runner/config/errors.js';

/** The problems a config step reports, each on its own; none when it succeeds. */
export function configProblemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof RunConfigError) return error.problems;
    throw error;
  }
  return [];
}
