export interface TableOptions {
  /**
   * Decorates a body cell after padding (colour codes, say), so that invisible characters never
   * count towards a column's width. `row` counts body rows from 0.
   */
  paint?: (padded: string, row: number, column: number) => string;
}

/** A plain-text table with padded columns, for terminals and logs alike. */
export function renderTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  options: TableOptions = {},
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[], paint?: (padded: string, column: number) => string) =>
    cells
      .map((cell, column) => {
        const padded = cell.padEnd(widths[column] ?? 0);
        return paint ? paint(padded, column) : padded;
      })
      .join('  ')
      .trimEnd();
  const { paint } = options;
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row, index) => line(row, paint && ((padded, column) => paint(padded, index, column)))),
  ].join('\n');
}
