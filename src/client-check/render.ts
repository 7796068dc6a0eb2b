import { formatDuration } from '../report/format.js';
import type { TimelineEvent } from '../report/result.js';
import { plural } from '../text/plural.js';
import { singleLine } from '../text/single-line.js';
import { renderTable } from '../text/table.js';
import { SEQUENCE_NOTE } from './observation.js';
import type { ClientCheckResult, RuleOutcome, RuleVerdict } from './types.js';
import { describeWindow } from './windows.js';

const LABELS: Readonly<Record<RuleOutcome, string>> = {
  obeyed: 'obeyed',
  violated: 'VIOLATED',
  advice: 'advice',
  not_applicable: 'n/a',
};

/** The marks of the table across vendors. */
const MARKS: Readonly<Record<RuleOutcome, string>> = {
  obeyed: '✓ obeyed',
  violated: '✗ VIOLATED',
  advice: 'ⓘ advice',
  not_applicable: '– n/a',
};

export interface RenderClientCheckOptions {
  /**
   * Every rule with its reason, and every event of each violation's and advice's timeline on a line
   * of its own. Without it: a summary line per vendor, the violations and advice with a compact
   * timeline (one line per call), and the other rules named on one line per outcome.
   */
  verbose?: boolean;
}

const at = (ms: number) => `+${formatDuration(ms)}`.padStart(14);
const allowed = (event: Extract<TimelineEvent, { kind: 'wait' }>) =>
  event.allowedMs ? ` (allowed ${describeWindow(event.allowedMs)})` : '';

/** One event of a client's timeline as a line: "+1.00 s  call 2: GET /v1/claims". */
export function eventLine(event: TimelineEvent): string {
  switch (event.kind) {
    case 'request':
      return `${at(event.atMs)}  call ${event.attempt}: ${singleLine(event.label)}`;
    case 'response':
      return `${at(event.atMs)}  answer ${event.status}${event.label ? ` ${singleLine(event.label)}` : ''}`;
    case 'wait':
      return `${at(event.atMs)}  waited ${formatDuration(event.durationMs)}${allowed(event)}`;
    case 'note':
      return `${at(event.atMs)}  ${singleLine(event.label)}`;
  }
}

/**
 * A timeline with each call on one line: what was sent, what came back and how long the client
 * waited before the next call ("+1.00 s  call 2: GET /v1/claims → 503; waited 2.10 s (allowed …)").
 */
export function compactTimeline(events: readonly TimelineEvent[]): string[] {
  const lines: string[] = [];
  let call: string | null = null;
  const flush = () => {
    if (call !== null) lines.push(call);
    call = null;
  };
  for (const event of events) {
    switch (event.kind) {
      case 'request':
        flush();
        call = `${at(event.atMs)}  call ${event.attempt}: ${singleLine(event.label)}`;
        break;
      case 'response':
        call = `${call ?? at(event.atMs)} → ${event.status}${event.label ? ` ${singleLine(event.label)}` : ''}`;
        break;
      case 'wait':
        call = `${call ?? at(event.atMs)}; waited ${formatDuration(event.durationMs)}${allowed(event)}`;
        break;
      case 'note':
        if (event.label === 'credentials refreshed' && call !== null) call = `${call}; credentials refreshed`;
        else {
          flush();
          lines.push(`${at(event.atMs)}  ${singleLine(event.label)}`);
        }
        break;
    }
  }
  flush();
  return lines;
}

/** A rule's timeline cut at each "sequence: …" note: one part per scripted sequence it was judged on. */
function sequencesOf(timeline: readonly TimelineEvent[]): TimelineEvent[][] {
  const parts: TimelineEvent[][] = [];
  for (const event of timeline) {
    const starts = event.kind === 'note' && event.label.startsWith(SEQUENCE_NOTE);
    const current = parts.at(-1);
    if (starts || !current) parts.push([event]);
    else current.push(event);
  }
  return parts;
}

function counts(result: ClientCheckResult): string {
  const count = (outcome: RuleOutcome) => result.verdicts.filter((v) => v.outcome === outcome).length;
  return `${count('obeyed')} obeyed, ${count('violated')} violated, ${count('advice')} advice, ${count('not_applicable')} not applicable`;
}

function ruleLines(verdict: RuleVerdict, width: number, verbose: boolean): string[] {
  const lines = [
    `  ${LABELS[verdict.outcome].padEnd(8)}  ${verdict.rule.padEnd(width)}  ${singleLine(verdict.title)}`,
    `  ${' '.repeat(8)}  ${' '.repeat(width)}  ${singleLine(verdict.reason)}`,
  ];
  if (verdict.outcome === 'violated' || verdict.outcome === 'advice') {
    const sequences = sequencesOf(verdict.timeline);
    const shown = verbose ? sequences : sequences.slice(0, 1);
    const timeline = shown.flatMap((events) => (verbose ? events.map(eventLine) : compactTimeline(events)));
    lines.push(...timeline.map((line) => `    ${line}`));
    const hidden = sequences.length - shown.length;
    if (hidden > 0) lines.push(`    ${' '.repeat(14)}  (${plural(hidden, 'more sequence')} with --verbose)`);
  }
  return lines;
}

/**
 * The verdict for a terminal: a summary line, then the violated rules and the advice with what the
 * client did, and the rules it obeyed or that do not apply named in one line each (with
 * `verbose`, every rule with its reason and full timelines).
 */
export function renderClientCheck(result: ClientCheckResult, options: RenderClientCheckOptions = {}): string {
  const verbose = options.verbose === true;
  const lines = [
    `${singleLine(result.vendorName)}: ${counts(result)}`,
    `  ${plural(result.requests, 'request')}, ${formatDuration(result.virtualTimeMs)} of virtual time in ${formatDuration(result.wallTimeMs)}`,
    '',
  ];
  const width = Math.max(...result.verdicts.map((v) => v.rule.length));
  const detailed = result.verdicts.filter(
    (verdict) => verbose || verdict.outcome === 'violated' || verdict.outcome === 'advice',
  );
  for (const verdict of detailed) lines.push(...ruleLines(verdict, width, verbose));
  if (!verbose) {
    for (const outcome of ['obeyed', 'not_applicable'] as const) {
      const rules = result.verdicts.filter((verdict) => verdict.outcome === outcome).map((v) => v.rule);
      if (rules.length > 0) lines.push(`  ${LABELS[outcome].padEnd(8)}  ${rules.join(', ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Rules by vendor: each rule's outcome per vendor, the vendors side by side, and the totals. */
export function renderClientCheckTable(results: readonly ClientCheckResult[]): string {
  const rules = [...new Set(results.flatMap((result) => result.verdicts.map((verdict) => verdict.rule)))];
  const rows = rules.map((rule) => [
    rule,
    ...results.map((result) => {
      const verdict = result.verdicts.find((candidate) => candidate.rule === rule);
      return verdict ? MARKS[verdict.outcome] : '';
    }),
  ]);
  const table = renderTable(['rule', ...results.map((result) => singleLine(result.vendorName))], rows);
  const passed = results.filter((result) => result.passed).length;
  return `${table}\n\n${passed} of ${plural(results.length, 'vendor')} without a violation.\n`;
}

/**
 * What check-client prints: each vendor's verdicts, then (for more than one vendor) the table
 * across vendors, and a pointer to --verbose when details were left out.
 */
export function renderClientCheckRun(
  results: readonly ClientCheckResult[],
  options: RenderClientCheckOptions = {},
): string {
  const parts = results.map((result) => renderClientCheck(result, options));
  if (results.length > 1) parts.push(renderClientCheckTable(results));
  if (options.verbose !== true)
    parts.push('Every rule with its reason and full timelines: run again with --verbose.\n');
  return parts.join('\n');
}
