/**
 * `npm run bench [--strict] [suite ...]`: runs the benchmark suites in one process and prints their
 * tables and goals. It is a report, not a test: a missed goal is printed, not turned into a failing
 * exit code, because timings depend on the machine. With --strict a missed goal exits 1, for a
 * machine where the goals were set.
 */
import { cpus, loadavg } from 'node:os';
import { renderGoals, renderSuite } from './report.js';
import type { Goal } from './suite.js';
import { suites } from './suites/index.js';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const wanted = args.filter((arg) => arg !== '--strict');
const unknown = wanted.filter((name) => !suites.some((suite) => suite.name === name));
if (unknown.length > 0) {
  console.error(
    `unknown suite(s): ${unknown.join(', ')}; known: ${suites.map((suite) => suite.name).join(', ')}`,
  );
  process.exit(2);
}
const selected = wanted.length === 0 ? suites : suites.filter((suite) => wanted.includes(suite.name));

// Other processes' load skews every figure; printing it lets a reader recognise a noisy run.
const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(' ');
const cpu = `${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})`;
console.log(`node ${process.version} on ${process.platform}/${process.arch}, ${cpu}, load average ${load}\n`);
const started = performance.now();
const goals: Goal[] = [];
for (const suite of selected) {
  const result = await suite.run();
  console.log(renderSuite(suite.title, result));
  goals.push(...result.goals);
}
console.log(renderGoals(goals));
console.log(`finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (strict && goals.some((goal) => !goal.met)) process.exitCode = 1;
