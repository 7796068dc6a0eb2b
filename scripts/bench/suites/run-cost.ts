import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChildRun, runNodeChild } from '../child-cpu.js';
import { ensureBuild, snapshotBuild } from '../ensure-build.js';
import { median } from '../measure.js';
import { formatMs, formatRatio, verdict } from '../report.js';
import type { Suite } from '../suite.js';

const root = join(import.meta.dirname, '..', '..', '..');
/** Paired runs; a full run takes seconds, so a few pairs give a stable median without hogging the machine. */
const RUNS = 5;
const MAX_WALL_RATIO = 3;
const MAX_FIXED_COST_MS = 500;
/** A bound on one child, so a hung run ends the benchmark instead of stalling it. */
const CHILD_TIMEOUT_MS = 120_000;

/**
 * A private copy of the built package that the CLI can run from: dist/ (copied, so a concurrent
 * rebuild cannot disturb the children), the manifest the CLI reads its version from, and the
 * repository's node_modules for the optional peers a run may load.
 */
function runnablePackage(): { dir: string; dispose: () => void } {
  const snapshot = snapshotBuild(root);
  symlinkSync(join(root, 'node_modules'), join(snapshot.dir, 'node_modules'), 'dir');
  return snapshot;
}

function checked(run: ChildRun, what: string): ChildRun {
  if (run.exitCode !== 0) throw new Error(`${what} exited with ${run.exitCode}: ${run.stderr}`);
  return run;
}

export const runCostSuite: Suite = {
  name: 'run-cost',
  title: `Cost of \`error-contracts run\` (5 vendors, every check, the local simulator) against \`error-contracts --version\`, ${RUNS} paired fresh processes`,
  async run() {
    const build = ensureBuild(root);
    const pkg = runnablePackage();
    const outRoot = mkdtempSync(join(tmpdir(), 'error-contracts-run-cost-'));
    const versions: ChildRun[] = [];
    const runs: ChildRun[] = [];
    try {
      const cli = join(pkg.dir, 'dist', 'cli', 'main.js');
      const version = () => runNodeChild([cli, '--version'], outRoot, CHILD_TIMEOUT_MS);
      const fullRun = async (index: number) => {
        const out = join(outRoot, `reports-${index}`);
        const run = checked(
          await runNodeChild([cli, 'run', '--out', out], outRoot, CHILD_TIMEOUT_MS),
          'error-contracts run',
        );
        // A run that wrote no results did not do the work being timed.
        if (!existsSync(join(out, 'results.json')))
          throw new Error(`error-contracts run wrote no ${out}/results.json`);
        return run;
      };
      // One untimed pair warms the file system cache; the pairs then alternate, so drift in the
      // machine's load falls on both sides alike.
      checked(await version(), 'error-contracts --version');
      await fullRun(-1);
      for (let index = 0; index < RUNS; index++) {
        versions.push(checked(await version(), 'error-contracts --version'));
        runs.push(await fullRun(index));
      }
    } finally {
      pkg.dispose();
      rmSync(outRoot, { recursive: true, force: true });
    }
    const wall = { version: median(versions.map((r) => r.wallMs)), run: median(runs.map((r) => r.wallMs)) };
    const cpu = { version: median(versions.map((r) => r.cpuMs)), run: median(runs.map((r) => r.cpuMs)) };
    const firstCheck = median(runs.map((r) => r.firstStderrMs ?? r.wallMs));
    const firstCheckCpu = median(runs.map((r) => r.firstStderrCpuMs ?? r.cpuMs));
    const wallRatio = wall.run / wall.version;
    const wallMet = wallRatio <= MAX_WALL_RATIO;
    const fixedMet = firstCheckCpu < MAX_FIXED_COST_MS;
    return {
      tables: [
        {
          title: 'Medians',
          head: ['', '--version', 'run', 'run / --version'],
          rows: [
            [
              'wall time',
              formatMs(wall.version),
              formatMs(wall.run),
              `${formatRatio(wallRatio)} ${verdict(wallMet)}`,
            ],
            [
              'CPU time (with child processes)',
              formatMs(cpu.version),
              formatMs(cpu.run),
              formatRatio(cpu.run / cpu.version),
            ],
            ['run: wall time to the first check', '', formatMs(firstCheck), ''],
            [
              `run: CPU time to the first check (goal < ${MAX_FIXED_COST_MS} ms)`,
              '',
              formatMs(firstCheckCpu),
              verdict(fixedMet),
            ],
          ],
        },
      ],
      notes: [
        `dist/ ${build === 'built' ? 'was built for this run' : 'was already up to date with src/'}; node ${process.version}.`,
        "Each child reports its own CPU time and that of the processes it waited for. The first check is taken to start when the run writes its first progress line (stderr, one line as each vendor starts); both times include Node's own start-up. The CPU time to the first check is the run process's own: a test worker it started is not counted before it exits, so where a worker runs the checks this understates the fixed cost, never overstates it.",
      ],
      goals: [
        {
          description: `run / --version wall time = ${formatRatio(wallRatio)}, goal <= ${MAX_WALL_RATIO}x`,
          met: wallMet,
        },
        {
          description: `run: CPU time to the first check = ${formatMs(firstCheckCpu)}, goal < ${MAX_FIXED_COST_MS} ms`,
          met: fixedMet,
        },
      ],
    };
  },
};
