/**
 * CPU time of a child Node process, its own and that of the processes it started and waited for
 * (a test runner's forked workers), told by the child itself as it exits. Timing from outside
 * cannot see a child's CPU time in Node (spawn reports none), so the child is started with
 * `--import` of a small module that writes the figure to file descriptor 3 when the process exits.
 */
import { spawn } from 'node:child_process';

/**
 * Runs in the child: its own CPU time (every thread) plus its reaped children's, in ms, on fd 3.
 * A worker thread the child starts inherits this --import too; only the main thread reports (its
 * process.cpuUsage() already counts every thread), so a report is one JSON document.
 */
const REPORTER = `import { readFileSync, writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
if (isMainThread) {
const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let firstStderrCpuMs;
const write = process.stderr.write;
process.stderr.write = function (...args) {
  firstStderrCpuMs ??= ownCpuMs();
  return write.apply(this, args);
};
process.on('exit', () => {
  // Fields 16 and 17 of /proc/self/stat: CPU ticks of waited-for children (USER_HZ, 100 on Linux).
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const childTicks = Number(fields[13]) + Number(fields[14]);
  writeSync(3, JSON.stringify({ cpuMs: ownCpuMs() + childTicks * 10, firstStderrCpuMs }));
});
}`;

export interface ChildRun {
  /** Wall time from spawn to exit. */
  wallMs: number;
  /** CPU time of the child and its children. */
  cpuMs: number;
  /** Wall time from spawn to the first byte the child wrote to stderr; undefined when it wrote none. */
  firstStderrMs: number | undefined;
  /**
   * The child's own CPU time (not its children's) when it first wrote to stderr; undefined when it
   * wrote none.
   */
  firstStderrCpuMs: number | undefined;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <args>` in `cwd` and measures it; rejects after `timeoutMs`, killing the child. */
export function runNodeChild(args: readonly string[], cwd: string, timeoutMs = 60_000): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(
      process.execPath,
      [`--import=data:text/javascript,${encodeURIComponent(REPORTER)}`, ...args],
      {
        cwd,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    let report = '';
    let firstStderrMs: number | undefined;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      firstStderrMs ??= performance.now() - start;
      stderr += chunk;
    });
    const fd3 = child.stdio[3];
    if (fd3 && 'setEncoding' in fd3) {
      (fd3 as NodeJS.ReadableStream).setEncoding('utf8');
      fd3.on('data', (chunk: string) => {
        report += chunk;
      });
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ')} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      const wallMs = performance.now() - start;
      try {
        const { cpuMs, firstStderrCpuMs } = JSON.parse(report) as {
          cpuMs: number;
          firstStderrCpuMs?: number;
        };
        resolve({ wallMs, cpuMs, firstStderrMs, firstStderrCpuMs, exitCode, stdout, stderr });
      } catch {
        reject(new Error(`node ${args.join(' ')} reported no CPU time (exit ${exitCode}): ${stderr}`));
      }
    });
  });
}
