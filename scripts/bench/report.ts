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

export function renderGoals(goals: readonly Goal[]): string {
  const missed = goals.filter((goal) => !goal.met);
  const lines = [`== Goals: ${goals.length - missed.length} of ${goals.length} met`];
  for (const goal of missed) lines.push(`MISSED  ${goal.description}`);
  return `${lines.join('\n')}\n`;
}
