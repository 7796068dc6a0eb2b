/**
 * Greedy row assignment for things drawn side by side (timeline labels, call marks): each item
 * goes in the first row where it clears everything already there, so nothing is drawn over
 * anything else however close in time two events are.
 */
export interface Span {
  left: number;
  right: number;
}

/** Gap, in pixels, kept between two spans sharing a row. */
const GAP = 4;

/** The row of each span, in input order; rows count from 0. Spans are placed from the left. */
export function assignRows(spans: readonly Span[]): number[] {
  const rowEnds: number[] = [];
  const rows: number[] = new Array(spans.length).fill(0);
  const order = spans
    .map((_, index) => index)
    .sort((a, b) => (spans[a] as Span).left - (spans[b] as Span).left);
  for (const index of order) {
    const span = spans[index] as Span;
    let row = rowEnds.findIndex((end) => end + GAP <= span.left);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(span.right);
    } else {
      rowEnds[row] = span.right;
    }
    rows[index] = row;
  }
  return rows;
}

/** Rows a layout needs (at least one, so an empty lane keeps its place). */
export const rowCount = (rows: readonly number[]) => Math.max(1, ...rows.map((row) => row + 1));

/**
 * Width of a label in the report's 11 px system font, estimated on the wide side: the layout
 * must not depend on a font being measured, and a little too much room is harmless.
 */
export const textWidth = (text: string, bold = false) => text.length * (bold ? 7.4 : 6.8);
