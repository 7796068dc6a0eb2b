import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BoundedRun, killGroup, runBounded, startGroup, tail } from './bounded-process.js';

/** One step of adding a vendor: what it ran and, when it failed, why, with its output's end. */
export interface StepOutcome {
  step: string;
  ok: boolean;
  /** Empty when the step passed; otherwise what is wrong, then the tail of its output. */
  problem: string;
}

export interface StepContext {
  repo: string;
  env: NodeJS.ProcessEnv;
}

const MINUTE = 60_000;

/** A command in the copy, judged by its exit code; `explain` may say more than the tail does. */
export async function commandStep(
  context: StepContext,
  step: string,
  argv: readonly string[],
  timeoutMs: number,
  explain?: (run: BoundedRun) => string,
): Promise<StepOutcome & { run?: BoundedRun }> {
  const [command, ...args] = argv;
  if (command === undefined) throw new Error(`${step}: no command`);
  const run = await runBounded(command, args, { cwd: context.repo, env: context.env, timeoutMs });
  if (run.code === 0 && !run.timedOut) return { step, ok: true, problem: '', run };
  const why = run.timedOut ? `timed out after ${timeoutMs / MINUTE} min` : `exit code ${run.code}`;
  const more = explain ? explain(run) : '';
  return {
    step,
    ok: false,
    problem: `${why}${more ? `\n${more}` : ''}\n--- output (end) ---\n${tail(run.output)}`,
    run,
  };
}

/** A step that could not run because one it needs failed. */
export function notRun(step: string, because: string): StepOutcome {
  return { step, ok: false, problem: `not run: ${because} failed` };
}

/** The files TypeScript reports errors in: each is a file that still has to be edited by hand. */
export function filesWithTypeErrors(output: string): string[] {
  const files = new Set<string>();
  for (const match of output.matchAll(/^([^\s(]+\.tsx?)\(\d+,\d+\): error/gm))
    if (match[1]) files.add(match[1]);
  return [...files].sort();
}

/** The failed tests of a vitest JSON report, as "file › test" lines (file alone when it did not load). */
export function failedTests(reportFile: string, repo: string): string[] {
  let report: {
    testResults?: {
      name: string;
      status: string;
      message?: string;
      assertionResults?: { status: string; fullName: string }[];
    }[];
  };
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    return [];
  }
  const lines: string[] = [];
  for (const file of report.testResults ?? []) {
    const name = file.name.startsWith(repo) ? file.name.slice(repo.length + 1) : file.name;
    const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    if (failed.length === 0 && file.status === 'failed')
      lines.push(`${name} (did not load: ${(file.message ?? '').split('\n')[0]})`);
    for (const test of failed) lines.push(`${name} › ${test.fullName}`);
  }
  return lines;
}

/**
 * Starts a long-running helper (the independent implementation) and waits until it prints
 * `ready`; returns a stop function, or the problem when it exits or stays silent too long.
 */
export function startUntilReady(
  context: StepContext,
  argv: readonly string[],
  timeoutMs: number,
): Promise<{ stop: () => void } | { problem: string }> {
  const [command, ...args] = argv;
  return new Promise((resolve) => {
    if (command === undefined) return resolve({ problem: 'no command' });
    let output = '';
    const child = startGroup(command, args, { cwd: context.repo, env: context.env }, (text) => {
      output += text;
      if (/^ready$/m.test(output)) {
        clearTimeout(timer);
        resolve({ stop });
      }
    });
    const stop = () => killGroup(child.pid);
    const timer = setTimeout(() => {
      stop();
      resolve({ problem: `not ready after ${timeoutMs / 1000} s\n--- output (end) ---\n${tail(output)}` });
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        problem: `exited with code ${code} before it was ready\n--- output (end) ---\n${tail(output)}`,
      });
    });
  });
}

/** The copy's own binaries, as `npm ci` installed them. */
export const bin = (context: StepContext, name: string) => join(context.repo, 'node_modules', '.bin', name);

export const TIMEOUTS = {
  generate: 5 * MINUTE,
  typecheck: 15 * MINUTE,
  lint: 10 * MINUTE,
  build: 15 * MINUTE,
  run: 10 * MINUTE,
  pact: 15 * MINUTE,
  start: 2 * MINUTE,
  clientTable: 10 * MINUTE,
  suite: 60 * MINUTE,
};
