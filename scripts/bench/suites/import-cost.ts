import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runNodeChild } from '../child-cpu.js';
import { ensureBuild, snapshotBuild } from '../ensure-build.js';
import { median } from '../measure.js';
import { formatMs, verdict } from '../report.js';
import type { Suite } from '../suite.js';

const root = join(import.meta.dirname, '..', '..', '..');
const RUNS = 15;
const MAX_IMPORT_COST_MS = 15;

/** An import of nothing: the baseline child pays for Node's start-up and the script, not the package. */
const EMPTY_MODULE = 'data:text/javascript,export {};';

/**
 * What each child runs. Baseline and package children run the same script and differ only in the
 * module they import, so the difference in CPU time is the package's own import cost.
 */
function childScript(url: string, callValidateError: boolean): string {
  const firstCall = callValidateError
    ? `const body = '{"error":{"code":"not_found","message":"No such denial.","request_id":"req_1"}}';
       if (!module.validateError('denialbase', body).valid) throw new Error('the sample should be valid');`
    : '';
  return `const t0 = performance.now();
    const module = await import(${JSON.stringify(url)});
    const t1 = performance.now();
    ${firstCall}
    const t2 = performance.now();
    process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1 }));`;
}

interface ChildTiming {
  wallMs: number;
  cpuMs: number;
  importMs: number;
  firstCallMs: number;
}

async function runChild(script: string): Promise<ChildTiming> {
  const child = await runNodeChild(['--input-type=module', '-e', script], root);
  if (child.exitCode !== 0) throw new Error(`child failed: ${child.stderr}`);
  const inside = JSON.parse(child.stdout) as { importMs: number; firstCallMs: number };
  return { wallMs: child.wallMs, cpuMs: child.cpuMs, ...inside };
}

export const importCostSuite: Suite = {
  name: 'import',
  title: `Import cost of the package entry (dist/index.js), ${RUNS} fresh node processes each`,
  async run() {
    const build = ensureBuild(root);
    const snapshot = snapshotBuild(root);
    const baseline: ChildTiming[] = [];
    const withPackage: ChildTiming[] = [];
    try {
      const entry = pathToFileURL(join(snapshot.dir, 'dist', 'index.js')).href;
      const baselineScript = childScript(EMPTY_MODULE, false);
      const packageScript = childScript(entry, true);
      // One untimed run of each warms the file system cache and proves the copy is complete;
      // interleaving the timed runs spreads any drift in machine load over both sides equally.
      await runChild(baselineScript);
      await runChild(packageScript);
      for (let run = 0; run < RUNS; run++) {
        baseline.push(await runChild(baselineScript));
        withPackage.push(await runChild(packageScript));
      }
    } finally {
      snapshot.dispose();
    }
    const wallBaseline = median(baseline.map((t) => t.wallMs));
    const wallPackage = median(withPackage.map((t) => t.wallMs));
    const cpuBaseline = median(baseline.map((t) => t.cpuMs));
    const cpuPackage = median(withPackage.map((t) => t.cpuMs));
    const cost = cpuPackage - cpuBaseline;
    const met = cost <= MAX_IMPORT_COST_MS;
    return {
      tables: [
        {
          title: 'Medians',
          head: ['', 'empty module', 'dist/index.js', 'difference'],
          rows: [
            ['process CPU time', formatMs(cpuBaseline), formatMs(cpuPackage), formatMs(cost)],
            [
              'process wall time',
              formatMs(wallBaseline),
              formatMs(wallPackage),
              formatMs(wallPackage - wallBaseline),
            ],
            [
              'import() inside the process',
              formatMs(median(baseline.map((t) => t.importMs))),
              formatMs(median(withPackage.map((t) => t.importMs))),
              formatMs(median(withPackage.map((t) => t.importMs)) - median(baseline.map((t) => t.importMs))),
            ],
            ['first validateError call', '', formatMs(median(withPackage.map((t) => t.firstCallMs))), ''],
            [`import cost (goal <= ${MAX_IMPORT_COST_MS} ms)`, '', '', `${formatMs(cost)} ${verdict(met)}`],
          ],
        },
      ],
      notes: [
        `dist/ ${build === 'built' ? 'was built for this run' : 'was already up to date with src/'}; node ${process.version}.`,
        'The import cost is the difference of the median CPU times of whole processes (wall time on a shared machine counts the waits for a core); the in-process figure excludes start-up. The children load a private copy of dist/, so a concurrent rebuild cannot disturb them.',
      ],
      goals: [
        {
          description: `import cost of dist/index.js = ${formatMs(cost)}, goal <= ${MAX_IMPORT_COST_MS} ms`,
          met,
        },
      ],
    };
  },
};
