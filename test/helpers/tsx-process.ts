import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * One of the repository's TypeScript entry points (a path from the repository root) in a child
 * Node process through tsx, with its output kept. For what cannot run inside a vitest worker:
 * the CLI starting vitest itself, Pact's native verifier printing below Node's streams. The child
 * gets exactly `env`; it is killed, and the promise rejects, after `timeoutMs`.
 */
export function runTsxScript(
  script: string,
  args: readonly string[],
  options: { env: Record<string, string | undefined>; cwd?: string; timeoutMs?: number },
): Promise<ProcessRun> {
  return runProcess(process.execPath, ['--import', 'tsx', join(repoRoot, script), ...args], {
    ...options,
    label: `${script} ${args.join(' ')}`,
  });
}

/** Any program in a child process, with its output kept; killed, and rejected, after `timeoutMs`. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { env: Record<string, string | undefined>; cwd?: string; timeoutMs?: number; label?: string },
): Promise<ProcessRun> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? repoRoot,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.label ?? command} did not finish in ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
