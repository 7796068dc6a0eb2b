import { type ChildProcess, spawn } from 'node:child_process';

/** How one child process ended: its exit code (null when killed) and the end of its output. */
export interface BoundedRun {
  code: number | null;
  timedOut: boolean;
  /** stdout and stderr interleaved as they came, the last `keepBytes` of it. */
  output: string;
}

const KEEP_BYTES = 256 * 1024;

/**
 * Runs a program in its own process group and kills the whole group after `timeoutMs`: the
 * commands here are npm scripts, whose real work runs in grandchildren that killing npm alone
 * would leave behind. Never rejects for a failing program; the caller judges the exit code.
 */
/**
 * Starts a program in its own process group, so `killGroup` ends it with every process it started,
 * and hands each piece of its stdout and stderr to `onOutput` as it comes.
 */
export function startGroup(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  onOutput: (text: string) => void,
): ChildProcess {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.on('data', (chunk: Buffer) => onOutput(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => onOutput(chunk.toString('utf8')));
  return child;
}

/**
 * Runs a program and kills its whole group after `timeoutMs`: the commands here are npm scripts,
 * whose real work runs in grandchildren that killing npm alone would leave behind. Never rejects
 * for a failing program; the caller judges the exit code.
 */
export function runBounded(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<BoundedRun> {
  return new Promise((resolve, reject) => {
    let output = '';
    let timedOut = false;
    const child = startGroup(command, args, options, (text) => {
      output += text;
      if (output.length > KEEP_BYTES) output = output.slice(-KEEP_BYTES);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, output });
    });
  });
}

/** Ends a process group this module started; a group already gone is fine. */
export function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already exited.
  }
}

/** The last `lines` lines of an output, for a failure message. */
export function tail(output: string, lines = 30): string {
  return output.trimEnd().split('\n').slice(-lines).join('\n');
}
