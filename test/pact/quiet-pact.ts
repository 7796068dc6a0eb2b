import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PactRunOptions, PactRunResult } from '../../src/pact/run.js';
import type { verifySandbox } from '../../src/pact/sandbox.js';
import { runTsxScript } from '../helpers/tsx-process.js';

type SandboxOptions = Parameters<typeof verifySandbox>[0];
type SandboxOutcome = Awaited<ReturnType<typeof verifySandbox>>;

/** Bounds one child's run: generation and verification of every vendor take about 5 s. */
const CHILD_TIMEOUT_MS = 90_000;

/**
 * Runs Pact in a child process (scripts/pact/run-json.ts) and returns its JSON result. The native
 * verifier writes its full report to stdout; here that report is kept, and printed only in the
 * error when the child fails, so a passing test run's log stays readable.
 */
async function inChild<T>(args: string[]): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'quiet-pact-'));
  const resultFile = join(dir, 'result.json');
  try {
    const run = await runTsxScript('scripts/pact/run-json.ts', [...args, resultFile], {
      env: { ...process.env, PACT_DO_NOT_TRACK: 'true' },
      timeoutMs: CHILD_TIMEOUT_MS,
    });
    if (run.code !== 0)
      throw new Error(`The Pact child exited with ${run.code}:\n${run.stdout}${run.stderr}`);
    return JSON.parse(await readFile(resultFile, 'utf8')) as T;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const runPactQuietly = (options: PactRunOptions) => inChild<PactRunResult>([JSON.stringify(options)]);
export const verifySandboxQuietly = (options: SandboxOptions) =>
  inChild<SandboxOutcome>(['--sandbox', JSON.stringify(options)]);
