/**
 * What importing the package entry (dist/index.js) and making a first validateError call costs, in
 * CPU time, against importing an empty module.
 *
 * Measured inside each child process, from just before `import()` to just after the first call,
 * with `process.cpuUsage()` (every thread of the process), not as the CPU time of the whole
 * process: Node's start-up and exit cost some 40-70 ms of CPU that moves by several ms from one
 * process to the next on a loaded machine, the same in both children, and the difference of two
 * medians of whole-process figures (15 children a side) swung from -0.4 to 22 ms between runs
 * while the window itself moves by well under a millisecond. The children run in pairs, one
 * empty-module child and one package child back to back (the first of the pair alternating), and
 * the cost is the median of the pairs' differences, so a change in load hits both halves of a pair.
 * The whole-process difference is still printed, paired the same way, to show nothing of weight
 * falls outside the window.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runNodeChild } from '../child-cpu.js';
import { ensureBuild, snapshotBuild } from '../ensure-build.js';
import { median, type Range, rangeOf } from '../measure.js';
import { formatMs, formatRange, verdict } from '../report.js';
import type { Suite } from '../suite.js';

const root = join(import.meta.dirname, '..', '..', '..');
/** Pairs of children; fewer when MAX_SUITE_MS runs out first on a heavily loaded machine. */
const PAIRS = 25;
const MAX_SUITE_MS = 30_000;
const MAX_IMPORT_COST_MS = 15;

/** An import of nothing: the baseline child pays for Node's start-up and the script, not the package. */
const EMPTY_MODULE = 'data:text/javascript,export {};';

/**
 * What each child runs. Baseline and package children run the same script and differ only in the
 * module they import (and the package child's first call), so the difference in CPU time is the
 * package's own cost.
 */
function childScript(url: string, callValidateError: boolean): string {
  const firstCall = callValidateError
    ? `const body = '{"error":{"code":"not_found","message":"No such denial.","request_id":"req_1"}}';
       if (!module.validateError('denialbase', body).valid) throw new Error('the sample should be valid');`
    : '';
  return `const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const module = await import(${JSON.stringify(url)});
    const t1 = performance.now();
    ${firstCall}
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    process.stdout.write(JSON.stringify({ windowCpuMs: (cpu.user + cpu.system) / 1000, importMs: t1 - t0, firstCallMs: t2 - t1 }));`;
}

interface ChildTiming {
  wallMs: number;
  /** CPU time of the whole process, start-up and exit included. */
  cpuMs: number;
  /** CPU time from just before the import to just after the first call. */
  windowCpuMs: number;
  importMs: number;
  firstCallMs: number;
}

async function runChild(script: string): Promise<ChildTiming> {
  const child = await runNodeChild(['--input-type=module', '-e', script], root);
  if (child.exitCode !== 0) throw new Error(`child failed: ${child.stderr}`);
  const inside = JSON.parse(child.stdout) as Omit<ChildTiming, 'wallMs' | 'cpuMs'>;
  return { wallMs: child.wallMs, cpuMs: child.cpuMs, ...inside };
}

interface Pair {
  baseline: ChildTiming;
  withPackage: ChildTiming;
}

/** The package child's figure minus the baseline child's, pair by pair. */
function pairedDifference(pairs: readonly Pair[], key: keyof ChildTiming): Range {
  return rangeOf(pairs.map((pair) => pair.withPackage[key] - pair.baseline[key]));
}

export const importCostSuite: Suite = {
  name: 'import',
  title: `Import cost of the package entry (dist/index.js), up to ${PAIRS} pairs of fresh node processes`,
  async run() {
    const build = ensureBuild(root);
    const snapshot = snapshotBuild(root);
    const pairs: Pair[] = [];
    try {
      const entry = pathToFileURL(join(snapshot.dir, 'dist', 'index.js')).href;
      const baselineScript = childScript(EMPTY_MODULE, false);
      const packageScript = childScript(entry, true);
      // One untimed run of each warms the file system cache and proves the copy is complete.
      await runChild(baselineScript);
      await runChild(packageScript);
      const started = performance.now();
      for (let run = 0; run < PAIRS && performance.now() - started < MAX_SUITE_MS; run++) {
        // Which child goes first alternates, so neither always runs on a cache the other warmed.
        if (run % 2 === 0) {
          const baseline = await runChild(baselineScript);
          pairs.push({ baseline, withPackage: await runChild(packageScript) });
        } else {
          const withPackage = await runChild(packageScript);
          pairs.push({ baseline: await runChild(baselineScript), withPackage });
        }
      }
    } finally {
      snapshot.dispose();
    }
    const side = (which: keyof Pair, key: keyof ChildTiming) => median(pairs.map((pair) => pair[which][key]));
    const cost = pairedDifference(pairs, 'windowCpuMs');
    const wholeProcess = pairedDifference(pairs, 'cpuMs');
    const met = cost.median <= MAX_IMPORT_COST_MS;
    const row = (label: string, key: keyof ChildTiming) => [
      label,
      formatMs(side('baseline', key)),
      formatMs(side('withPackage', key)),
      formatRange(pairedDifference(pairs, key), 'ms'),
    ];
    return {
      tables: [
        {
          title: 'Medians of each side; difference: median [min-max] of the pairs',
          head: ['', 'empty module', 'dist/index.js', 'difference'],
          rows: [
            row('CPU time, import() to first call done', 'windowCpuMs'),
            row('CPU time, whole process', 'cpuMs'),
            row('wall time, whole process', 'wallMs'),
            row('wall time, import()', 'importMs'),
            ['wall time, first validateError call', '', formatMs(side('withPackage', 'firstCallMs')), ''],
            [
              `import cost (goal <= ${MAX_IMPORT_COST_MS} ms)`,
              '',
              '',
              `${formatMs(cost.median)} ${verdict(met)}`,
            ],
          ],
        },
      ],
      notes: [
        `dist/ ${build === 'built' ? 'was built for this run' : 'was already up to date with src/'}; node ${process.version}; ${pairs.length} pairs.`,
        'The import cost is the CPU time (process.cpuUsage, every thread) from just before import() to just after the first validateError call, package child minus empty-module child, taken pair by pair; a pair runs back to back, the first child alternating. Whole-process CPU time adds the start-up and exit both children share, and their noise.',
        'The children load a private copy of dist/, so a concurrent rebuild cannot disturb them.',
      ],
      goals: [
        {
          description: `import cost of dist/index.js = ${formatRange(cost, 'ms')}, goal <= ${MAX_IMPORT_COST_MS} ms (whole-process difference ${formatRange(wholeProcess, 'ms')})`,
          met,
          what: 'import of dist/index.js + first validateError, CPU',
          peer: 'empty module',
          measured: cost,
          unit: 'ms',
          target: `<= ${MAX_IMPORT_COST_MS} ms`,
        },
      ],
    };
  },
};
