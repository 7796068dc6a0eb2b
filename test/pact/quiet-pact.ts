import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PactRunOptions, PactRunResult } from '../../src/pact/run.js';
import type { verifySandbox } from '../../src/pact/sandbox.js';
import { repoRoot } from '../helpers/paths.js';

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
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(repoRoot, 'scripts/pact/run-json.ts'), ...args, resultFile],
        {
          cwd: repoRoot,
          env: { ...process.env, PACT_DO_NOT_TRACK: 'true' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      child.stderr.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`The Pact child exited with ${code}:\n${text}`));
      });
    });
    return JSON.parse(await readFile(resultFile, 'utf8')) as T;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const runPactQuietly = (options: PactRunOptions) => inChild<PactRunResult>([JSON.stringify(options)]);
export const verifySandboxQuietly = (options: SandboxOptions) =>
  inChild<SandboxOutcome>(['--sandbox', JSON.stringify(options)]);
