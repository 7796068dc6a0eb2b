import { readFileSync } from 'node:fs';
import { renderHtml } from '../src/report/reporters/html.js';
import { renderJson } from '../src/report/reporters/json.js';
import { renderJunit } from '../src/report/reporters/junit.js';
import { renderMarkdown } from '../src/report/reporters/markdown.js';
import { renderTerminalSummary } from '../src/report/reporters/terminal.js';
import { redactRunResult } from '../src/report/redact.js';
const result = redactRunResult(JSON.parse(readFileSync('/tmp/rr/new2/results.json', 'utf8')));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const order = process.argv.slice(2);
const fns: Record<string, () => unknown> = {
  redact: () => redactRunResult(result),
  terminal: () => renderTerminalSummary(result, { tty: false, env: {}, verbose: false }),
  junit: () => renderJunit(result), json: () => renderJson(result), html: () => renderHtml(result), markdown: () => renderMarkdown(result),
};
const out: string[] = [];
for (const name of order) { const a = cpu(); fns[name]!(); const b = cpu(); fns[name]!(); const c = cpu(); out.push(`${name} cold ${(b - a).toFixed(1)} warm ${(c - b).toFixed(1)}`); }
console.log(out.join(' | '));
