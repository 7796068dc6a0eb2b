/**
 * The run as GitHub-flavoured Markdown: what a CI job summary (GITHUB_STEP_SUMMARY) or a pull
 * request comment shows. The matrix first, then the figures, then every failure with its check id
 * and what was expected and what came back, the drift, and the checks that did not run, folded.
 */
import { markdownCodeBlock, escapeMarkdown as md } from '../escape.js';
import {
  cellSummary,
  formatCounts,
  formatDuration,
  formatValue,
  noteValueLines,
  OUTCOME_LABELS,
  targetWording,
} from '../format.js';
import { buildMatrix } from '../matrix.js';
import { pathTitle } from '../paths.js';
import { redactRunResult } from '../redact.js';
import { reproducerOf } from '../reproducer.js';
import { type CheckResult, type DriftNote, OUTCOMES, type RunResult, type VendorRun } from '../result.js';

/**
 * A job summary holds at most 1 MiB, and a reader wants the first failures, not the hundredth: past
 * these limits the summary says how many more there are and where to read them.
 */
const MAX_FAILED_CHECKS = 50;
const MAX_DRIFT_LINES = 100;
const VALUE_LIMIT = 2000;

/** Code in running text, fenced so that no backtick inside can end it. */
function inlineCode(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function cut(text: string): string {
  return text.length > VALUE_LIMIT ? `${text.slice(0, VALUE_LIMIT)}…` : text;
}

/** "Collate › `conflict.duplicate`": the vendor and the check id, which config and JUnit use too. */
function checkRef(vendor: VendorRun, check: CheckResult): string {
  return `${md(vendor.name)} › ${inlineCode(check.id)}`;
}

function headline(result: RunResult): string {
  const { fail, drift } = result.totals;
  if (fail > 0) {
    return `${OUTCOME_LABELS.fail.symbol} ${md(result.tool.name)}: ${fail} ${fail === 1 ? 'check' : 'checks'} failed`;
  }
  if (drift > 0) {
    return `${OUTCOME_LABELS.drift.symbol} ${md(result.tool.name)}: no check failed, ${drift} with drift`;
  }
  return `${OUTCOME_LABELS.pass.symbol} ${md(result.tool.name)}: every check behaved as documented`;
}

function matrixTable(result: RunResult): string {
  const matrix = buildMatrix(result);
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    row(['Path', ...matrix.vendors.map((vendor) => md(vendor.name))]),
    row(['---', ...matrix.vendors.map(() => '---')]),
    ...matrix.rows.map((line) =>
      row([md(pathTitle(line.path)), ...line.cells.map((cell) => md(cellSummary(cell)))]),
    ),
  ].join('\n');
}

function figures(result: RunResult): string {
  const wording = targetWording(result.target);
  const checks = OUTCOMES.reduce((sum, outcome) => sum + result.totals[outcome], 0);
  return [
    `**Checks:** ${md(formatCounts(result.totals, OUTCOMES))} (${checks} in all)`,
    `**${wording.requests}:** ${result.requests}`,
    `**Wall time:** ${formatDuration(result.wallTimeMs)}`,
    `**${wording.waiting.replace(/^./, (first) => first.toUpperCase())}:** ${formatDuration(result.simulatedWaitMs)}`,
    // A narrowed run says so, since the matrix leaves out the rows its checks do not cover.
    ...(result.only ? [`**Only:** ${result.only.map(inlineCode).join(', ')}`] : []),
  ].join(' · ');
}

function failureSection(vendor: VendorRun, check: CheckResult): string[] {
  const lines = [`#### ${OUTCOME_LABELS.fail.symbol} ${checkRef(vendor, check)}`, '', md(check.title), ''];
  for (const failure of check.failures) {
    lines.push(`**${md(failure.message)}**`, '');
    const values = noteValueLines(failure);
    if (values.length > 0) lines.push(markdownCodeBlock(cut(values.join('\n'))), '');
  }
  const curl = reproducerOf(vendor.id, check);
  if (curl) lines.push('Reproduce:', '', markdownCodeBlock(cut(curl), 'sh'), '');
  return lines;
}

/** "; expected `x`, actual `y`" after a drift line: the reading expected and what came back. */
function driftValues(note: DriftNote): string {
  const parts = [
    ...(note.expected === undefined ? [] : [`expected ${inlineCode(cut(formatValue(note.expected)))}`]),
    ...(note.actual === undefined ? [] : [`actual ${inlineCode(cut(formatValue(note.actual)))}`]),
  ];
  return parts.length === 0 ? '' : `; ${parts.join(', ')}`;
}

/** The whole run as one Markdown document. Credentials are redacted first, as in every reporter. */
export function renderMarkdown(raw: RunResult): string {
  const result = redactRunResult(raw);
  const vendors = result.vendors.length;
  const lines = [
    `## ${headline(result)}`,
    '',
    `${md(result.tool.name)} ${md(result.tool.version)} · target ${inlineCode(result.target)} · ${vendors} ${vendors === 1 ? 'vendor' : 'vendors'}`,
    '',
    matrixTable(result),
    '',
    figures(result),
    '',
  ];

  const failed = result.vendors.flatMap((vendor) =>
    vendor.checks.filter((check) => check.outcome === 'fail').map((check) => ({ vendor, check })),
  );
  if (failed.length > 0) {
    lines.push('### Failures', '');
    for (const { vendor, check } of failed.slice(0, MAX_FAILED_CHECKS))
      lines.push(...failureSection(vendor, check));
    if (failed.length > MAX_FAILED_CHECKS) {
      lines.push(
        `…and ${failed.length - MAX_FAILED_CHECKS} more failed checks: see junit.xml or report.html.`,
        '',
      );
    }
  }

  const drift = result.vendors.flatMap((vendor) =>
    vendor.checks.flatMap((check) =>
      check.drift.map(
        (note) =>
          `- ${OUTCOME_LABELS.drift.symbol} ${checkRef(vendor, check)}: ${md(note.message)}${note.path ? ` (${inlineCode(note.path)})` : ''}${driftValues(note)}`,
      ),
    ),
  );
  if (drift.length > 0) {
    lines.push('### Drift (tolerated differences from the docs)', '', ...drift.slice(0, MAX_DRIFT_LINES));
    if (drift.length > MAX_DRIFT_LINES) lines.push(`- …and ${drift.length - MAX_DRIFT_LINES} more`);
    lines.push('');
  }

  const notRun = result.vendors.flatMap((vendor) =>
    vendor.checks.flatMap((check) =>
      check.outcome === 'skipped' || check.outcome === 'not_applicable'
        ? [`- ${md(OUTCOME_LABELS[check.outcome].word)} ${checkRef(vendor, check)}: ${md(check.reason)}`]
        : [],
    ),
  );
  if (notRun.length > 0) {
    lines.push(`<details><summary>Not run (${notRun.length})</summary>`, '', ...notRun, '', '</details>', '');
  }
  return `${lines.join('\n')}`;
}
