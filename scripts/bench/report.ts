import type { Range } from './measure.js';
import type { Goal, SuiteResult, Table } from './suite.js';

export function formatOps(opsPerSecond: number): string {
  return Math.round(opsPerSecond).toLocaleString('en-US');
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}x`;
}

export function formatMs(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}

export function verdict(met: boolean): string {
  return met ? 'met' : 'MISSED';
}

/** A plain-text table: first column left-aligned, figures right-aligned so digits line up. */
export function renderTable(table: Table): string {
  const all = [table.head, ...table.rows];
  const widths = table.head.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [table.title, line(table.head), rule, ...table.rows.map(line)].join('\n');
}

export function renderSuite(title: string, result: SuiteResult): string {
  const parts = [`== ${title}`, ...result.tables.map(renderTable)];
  if (result.notes.length > 0) parts.push(result.notes.map((note) => `note: ${note}`).join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/** A figure with its range over the rounds: `1.23x [1.10x-1.40x]`. */
export function formatRange(range: Range, unit: Goal['unit'] = 'ratio'): string {
  const format = unit === 'ms' ? formatMs : formatRatio;
  return `${format(range.median)} [${format(range.min)}-${format(range.max)}]`;
}

/**
 * Every goal of the run: those that name what they measure as rows of one table (what, peer,
 * measured, goal, hit or miss), the others as lines; then how many were met.
 */
export function renderGoals(goals: readonly Goal[]): string {
  const missed = goals.filter((goal) => !goal.met);
  const parts = [`== Goals: ${goals.length - missed.length} of ${goals.length} met`];
  const rows = goals.filter((goal) => goal.what !== undefined);
  if (rows.length > 0) {
    parts.push(
      renderTable({
        title: '',
        head: ['what', 'peer', 'measured (median [min-max])', 'goal', ''],
        rows: rows.map((goal) => [
          goal.what ?? '',
          goal.peer ?? '',
          goal.measured ? formatRange(goal.measured, goal.unit) : '',
          goal.target ?? '',
          goal.met ? 'hit' : 'MISS',
        ]),
      }).trimStart(),
    );
  }
  const others = goals.filter((goal) => goal.what === undefined);
  if (others.length > 0)
    parts.push(others.map((goal) => `${goal.met ? 'hit ' : 'MISS'}  ${goal.description}`).join('\n'));
  if (missed.length > 0) parts.push(['Missed:', ...missed.map((goal) => `  ${goal.description}`)].join('\n'));
  return `${parts.join('\n\n')}\n`;
}
