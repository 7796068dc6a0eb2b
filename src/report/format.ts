/** Wording shared by every reporter, so the terminal, JUnit and HTML describe a run the same way. */
import type { CellOutcome, MatrixCell } from './matrix.js';
import type { JsonValue, Outcome, RunResult } from './result.js';

export interface OutcomeLabel {
  /** The word in cells and lists. */
  word: string;
  /** A one-character mark for narrow places (terminal cells, progress lines). */
  symbol: string;
  /** What the outcome means, for legends. */
  meaning: string;
}

export const OUTCOME_LABELS: Readonly<Record<CellOutcome, OutcomeLabel>> = {
  fail: { word: 'fail', symbol: '✗', meaning: 'a documented behaviour did not hold' },
  drift: {
    word: 'drift',
    symbol: '!',
    meaning: 'behaved as documented, with differences the docs do not mention',
  },
  pass: { word: 'pass', symbol: '✓', meaning: 'every check behaved as documented' },
  skipped: {
    word: 'skipped',
    symbol: '○',
    meaning: 'applies, but this run was not set up for it; the reason says what would enable it',
  },
  not_applicable: { word: 'n/a', symbol: '–', meaning: 'the vendor does not document this path' },
  empty: { word: 'none', symbol: '·', meaning: 'no check covers this path' },
};

/** "850 ms", "4.21 s", "1 min 13.5 s": precise for short runs, readable for long waits. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = (ms - minutes * 60_000) / 1000;
  return `${minutes} min ${seconds.toFixed(1)} s`;
}

/** "3 pass, 1 fail": the non-zero counts, in the order of the given outcomes. */
export function formatCounts(counts: Readonly<Record<Outcome, number>>, order: readonly Outcome[]): string {
  const parts = order.filter((outcome) => counts[outcome] > 0);
  if (parts.length === 0) return 'no checks';
  return parts.map((outcome) => `${counts[outcome]} ${OUTCOME_LABELS[outcome].word}`).join(', ');
}

/** Expected and actual values as a reader sees them: strings as they are, anything else as JSON. */
export function formatValue(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/**
 * "expected: 422", with the continuation lines of a multi-line value lined up under the first:
 * how the terminal and the Markdown summary show what a failed assertion wanted and got.
 */
export function labelledValue(name: 'expected' | 'actual', value: JsonValue, indent = ''): string {
  const [first = '', ...rest] = formatValue(value).split('\n');
  const label = `${name}:`.padEnd(10);
  return [`${indent}${label}${first}`, ...rest.map((line) => `${indent}${' '.repeat(10)}${line}`)].join('\n');
}

/**
 * The expected and actual lines of a failure or drift note, each value passed through `show`
 * first (the terminal keeps strings on one line). A side with no value is left out: a reader is
 * never shown "null" for "nothing was said".
 */
export function noteValueLines(
  note: { expected?: JsonValue; actual?: JsonValue },
  indent = '',
  show: (value: JsonValue) => JsonValue = (value) => value,
): string[] {
  return [
    ...(note.expected === undefined ? [] : [labelledValue('expected', show(note.expected), indent)]),
    ...(note.actual === undefined ? [] : [labelledValue('actual', show(note.actual), indent)]),
  ];
}

/**
 * A matrix cell in words: "✗ fail 1/4", "✓ pass 3/3", "– n/a". The count is of the checks that
 * ran, so a row where one check passed and a sequence does not apply reads "✓ pass 1/1 +1 n/a"
 * rather than a misleading "1/2".
 */
export function cellSummary(cell: MatrixCell): string {
  const label = OUTCOME_LABELS[cell.outcome];
  if (cell.outcome !== 'fail' && cell.outcome !== 'drift' && cell.outcome !== 'pass') {
    return `${label.symbol} ${label.word}`;
  }
  const ran = cell.counts.fail + cell.counts.drift + cell.counts.pass;
  const extras = (['skipped', 'not_applicable'] as const)
    .filter((outcome) => cell.counts[outcome] > 0)
    .map((outcome) => ` +${cell.counts[outcome]} ${OUTCOME_LABELS[outcome].word}`)
    .join('');
  return `${label.symbol} ${label.word} ${cell.counts[cell.outcome]}/${ran}${extras}`;
}

/**
 * How a run's figures are named for its target. A replay sends nothing (it answers from
 * cassettes), and only the simulator's waits are simulated: a sandbox's were really sat through.
 */
export interface TargetWording {
  /** "Requests sent" or "Requests replayed". */
  requests: string;
  /** "simulated waiting verified", "waiting verified" or "recorded waiting verified". */
  waiting: string;
}

const TARGET_WORDING: Readonly<Record<RunResult['target'], TargetWording>> = {
  local: { requests: 'Requests sent', waiting: 'simulated waiting verified' },
  nock: { requests: 'Requests sent', waiting: 'simulated waiting verified' },
  sandbox: { requests: 'Requests sent', waiting: 'waiting verified' },
  replay: { requests: 'Requests replayed', waiting: 'recorded waiting verified' },
};

export function targetWording(target: RunResult['target']): TargetWording {
  return TARGET_WORDING[target];
}
