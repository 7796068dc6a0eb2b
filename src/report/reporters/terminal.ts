/**
 * What a person sees in the terminal: live progress while the checks run, then the matrix, the
 * totals, the figures for requests and time, and every failure with expected and actual.
 */

import { colourEnabled } from '../../text/colour.js';
import { plural } from '../../text/plural.js';
import { singleLine } from '../../text/single-line.js';
import { renderTable } from '../../text/table.js';
import {
  cellSummary,
  formatCounts,
  formatDuration,
  noteValueLines,
  OUTCOME_LABELS,
  targetWording,
} from '../format.js';
import { buildMatrix, type CellOutcome } from '../matrix.js';
import { countOutcomes } from '../outcome-counts.js';
import { CHECKLIST_PATHS, type ChecklistPathId, pathTitle } from '../paths.js';
import { redactRunResult } from '../redact.js';
import { reproducerOf } from '../reproducer.js';
import { type JsonValue, OUTCOMES, type RunResult } from '../result.js';

export interface TerminalOptions {
  /** Whether the output stream is a terminal; colour is used only when it is. */
  tty: boolean;
  /** FORCE_COLOR, NO_COLOR and TERM=dumb decide over `tty` (see colourEnabled). */
  env?: Readonly<Record<string, string | undefined>>;
  /** List every check that did not run with its reason, rather than one line per vendor. */
  verbose?: boolean;
}

const ANSI: Readonly<Record<CellOutcome, string>> = {
  fail: '\x1b[1;31m',
  drift: '\x1b[33m',
  pass: '\x1b[32m',
  skipped: '\x1b[36m',
  not_applicable: '\x1b[2m',
  empty: '\x1b[2m',
};
const RESET = '\x1b[0m';

function useColour(options: TerminalOptions): boolean {
  return colourEnabled(options.tty, options.env);
}

/** Colours the visible text of a padded cell, leaving the padding outside the escape codes. */
function colourPadded(padded: string, outcome: CellOutcome): string {
  const text = padded.trimEnd();
  return `${ANSI[outcome]}${text}${RESET}${padded.slice(text.length)}`;
}

/** The cell as the terminal shows it; the same words as every other report. */
export const cellText = cellSummary;

const pathTitles = new Map<ChecklistPathId, string>(
  CHECKLIST_PATHS.map((path) => [path.id, pathTitle(path)]),
);

/**
 * A string value is printed as it is, so its line breaks are escaped; any other value is printed as
 * indented JSON, whose strings JSON already escapes and whose continuation lines are indented.
 */
function oneLineString(value: JsonValue): JsonValue {
  return typeof value === 'string' ? singleLine(value) : value;
}

/** The end-of-run summary. Credentials are redacted first, as in every reporter. */
export function renderTerminalSummary(raw: RunResult, options: TerminalOptions): string {
  const result = redactRunResult(raw);
  const colour = useColour(options);
  const matrix = buildMatrix(result);
  const { rows } = matrix;
  const table = renderTable(
    ['path', ...matrix.vendors.map((vendor) => vendor.name)],
    rows.map((row) => [pathTitle(row.path), ...row.cells.map(cellText)]),
    colour
      ? {
          paint: (padded, row, column) => {
            const cell = column > 0 ? rows[row]?.cells[column - 1] : undefined;
            return cell ? colourPadded(padded, cell.outcome) : padded;
          },
        }
      : {},
  );
  const checks = OUTCOMES.reduce((sum, outcome) => sum + matrix.totals[outcome], 0);
  const wording = targetWording(result.target);
  const lines = [
    `${result.tool.name} ${result.tool.version} · target ${result.target} · ${plural(matrix.vendors.length, 'vendor')}`,
    '',
    table,
    '',
    `Checks: ${formatCounts(matrix.totals, OUTCOMES)} (${checks} in all)`,
    `${wording.requests}: ${result.requests} (${result.vendors
      .map((vendor) => `${vendor.name} ${vendor.checks.reduce((sum, check) => sum + check.requests, 0)}`)
      .join(', ')})`,
    `Wall time: ${formatDuration(result.wallTimeMs)} · ${wording.waiting}: ${formatDuration(result.simulatedWaitMs)}`,
  ];
  const paint = (outcome: CellOutcome, text: string) => (colour ? `${ANSI[outcome]}${text}${RESET}` : text);
  // A check that stands for a whole row (not documented, say) is titled after the row; naming the
  // row twice would only push the reason off the screen.
  const where = (vendorName: string, path: ChecklistPathId, rawTitle: string) => {
    const row = pathTitles.get(path) ?? path;
    const title = singleLine(rawTitle);
    const label = CHECKLIST_PATHS.find((candidate) => candidate.id === path)?.label ?? '';
    return title.startsWith(label)
      ? `${singleLine(vendorName)} › ${row}${title.slice(label.length)}`
      : `${singleLine(vendorName)} › ${row} › ${title}`;
  };

  const failures: string[] = [];
  const drift: string[] = [];
  const notRun: string[] = [];
  for (const vendor of result.vendors) {
    for (const check of vendor.checks) {
      const heading = where(vendor.name, check.path, check.title);
      if (check.outcome === 'fail') {
        failures.push(`  ${paint('fail', OUTCOME_LABELS.fail.symbol)} ${heading}`);
        for (const failure of check.failures) {
          failures.push(`      ${singleLine(failure.message)}`);
          failures.push(...noteValueLines(failure, '      ', oneLineString));
        }
        const curl = reproducerOf(vendor.id, check);
        if (curl) failures.push(`      reproduce: ${singleLine(curl)}`);
      }
      for (const note of check.drift) {
        drift.push(
          `  ${paint('drift', OUTCOME_LABELS.drift.symbol)} ${heading}: ${singleLine(note.message)}${note.path ? ` (${singleLine(note.path)})` : ''}`,
          ...noteValueLines(note, '      ', oneLineString),
        );
      }
      if (options.verbose && (check.outcome === 'not_applicable' || check.outcome === 'skipped')) {
        notRun.push(
          `  ${paint(check.outcome, OUTCOME_LABELS[check.outcome].symbol)} ${heading}: ${singleLine(check.reason)}`,
        );
      }
    }
    // Without --verbose, one line per vendor: a run where everything passed should not end in a
    // screenful of reasons; the reports (and --verbose) keep each check's reason.
    const counts = countOutcomes(vendor.checks);
    if (!options.verbose && counts.skipped + counts.not_applicable > 0) {
      notRun.push(`  ${singleLine(vendor.name)}: ${formatCounts(counts, ['skipped', 'not_applicable'])}`);
    }
  }
  if (failures.length > 0) lines.push('', 'Failures', ...failures);
  if (drift.length > 0) lines.push('', 'Drift (tolerated differences from the docs)', ...drift);
  if (notRun.length > 0) {
    lines.push(
      '',
      options.verbose ? 'Not run' : 'Not run (--verbose lists each check and its reason)',
      ...notRun,
    );
  }
  return `${lines.join('\n')}\n`;
}
