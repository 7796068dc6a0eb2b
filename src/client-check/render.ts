import { formatDuration } from '../report/format.js';
import type { TimelineEvent } from '../report/result.js';
import { plural } from '../text/plural.js';
import type { ClientCheckResult, RuleOutcome } from './types.js';

const LABELS: Readonly<Record<RuleOutcome, string>> = {
  obeyed: 'obeyed',
  violated: 'VIOLATED',
  advice: 'advice',
  not_applicable: 'n/a',
};

/** One event of a client's timeline as a line: "+1.00 s  call 2: GET /v1/claims". */
export function eventLine(event: TimelineEvent): string {
  const at = `+${formatDuration(event.atMs)}`.padStart(14);
  switch (event.kind) {
    case 'request':
      return `${at}  call ${event.attempt}: ${event.label}`;
    case 'response':
      return `${at}  answer ${event.status}${event.label ? ` ${event.label}` : ''}`;
    case 'wait': {
      const allowed = event.allowedMs
        ? ` (allowed ${formatDuration(event.allowedMs.min)} to ${formatDuration(event.allowedMs.max)})`
        : '';
      return `${at}  waited ${formatDuration(event.durationMs)}${allowed}`;
    }
    case 'note':
      return `${at}  ${event.label}`;
  }
}

/**
 * The verdict for a terminal: one line per rule, and for each violated rule the timeline of what
 * the client did, so the reader sees the mistake without rerunning anything.
 */
export function renderClientCheck(result: ClientCheckResult): string {
  const count = (outcome: RuleOutcome) => result.verdicts.filter((v) => v.outcome === outcome).length;
  const lines = [
    `${result.vendorName}: ${count('obeyed')} obeyed, ${count('violated')} violated, ${count('advice')} advice, ${count('not_applicable')} not applicable`,
    `  ${plural(result.requests, 'request')}, ${formatDuration(result.virtualTimeMs)} of virtual time in ${formatDuration(result.wallTimeMs)}`,
    '',
  ];
  const width = Math.max(...result.verdicts.map((v) => v.rule.length));
  for (const verdict of result.verdicts) {
    lines.push(`  ${LABELS[verdict.outcome].padEnd(8)}  ${verdict.rule.padEnd(width)}  ${verdict.title}`);
    lines.push(`  ${' '.repeat(8)}  ${' '.repeat(width)}  ${verdict.reason}`);
    if (verdict.outcome === 'violated' || verdict.outcome === 'advice')
      for (const event of verdict.timeline) lines.push(`    ${eventLine(event)}`);
  }
  return `${lines.join('\n')}\n`;
}
