import { type ProcessRun, runTsxScript } from '../helpers/tsx-process.js';

export type CliRun = ProcessRun;

/**
 * The CLI from the sources in a child process, as a user runs it: the run command starts vitest
 * itself, which cannot happen inside this test's own vitest worker. Only PATH and HOME are passed
 * on, plus `env`, so nothing from this process's environment configures the run by accident.
 */
export function runCliProcess(
  args: readonly string[],
  options: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {},
): Promise<CliRun> {
  return runTsxScript('src/cli/main.ts', args, {
    ...options,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
  });
}
