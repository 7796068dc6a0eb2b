/**
 * The vendors × checklist-paths matrix that every reporter shows: one cell per vendor and path,
 * summarising however many checks the suites ran for it.
 */
import { countOutcomes, emptyCounts } from './outcome-counts.js';
import { CHECKLIST_PATHS, type ChecklistPath, type ChecklistPathId } from './paths.js';
import { OUTCOMES, type Outcome, type RunResult } from './result.js';

/** A cell with no checks at all has no outcome: the suites forgot a path, which reports must show. */
export type CellOutcome = Outcome | 'empty';

export interface MatrixCell {
  vendorId: string;
  path: ChecklistPathId;
  outcome: CellOutcome;
  /** Checks behind the cell, by outcome. */
  counts: Record<Outcome, number>;
  /** Total checks behind the cell. */
  checks: number;
  /** The distinct reasons given by checks that did not run, so a not-applicable cell says why. */
  reasons: string[];
}

export interface MatrixRow {
  path: ChecklistPath;
  /** One cell per vendor, in the order of `Matrix.vendors`. */
  cells: MatrixCell[];
}

export interface Matrix {
  vendors: Array<{ id: string; name: string }>;
  rows: MatrixRow[];
  /** Checks by outcome over the whole run. */
  totals: Record<Outcome, number>;
  /** Cells by outcome, counting empty cells too. */
  cellTotals: Record<CellOutcome, number>;
}

/**
 * The worst thing that happened in a cell: a failure outweighs drift, drift outweighs a pass, and a
 * pass outweighs checks that did not run. Among those, skipped comes before not applicable, since a
 * skipped check is coverage the run could have had. OUTCOMES is listed in exactly this order.
 */
export function cellOutcome(counts: Readonly<Record<Outcome, number>>): CellOutcome {
  return OUTCOMES.find((outcome) => counts[outcome] > 0) ?? 'empty';
}

/**
 * The matrix of a run. A run narrowed to some checks (`--only`, kept in `result.only`) leaves out
 * the rows none of its checks covers: in a full run an empty row marks a gap in the checklist, in
 * a narrowed one it only means the row was not asked for.
 */
export function buildMatrix(result: RunResult): Matrix {
  const allRows = CHECKLIST_PATHS.map((path): MatrixRow => {
    const cells = result.vendors.map((vendor): MatrixCell => {
      const checks = vendor.checks.filter((check) => check.path === path.id);
      const counts = countOutcomes(checks);
      const reasons = [
        ...new Set(
          checks.flatMap((check) =>
            check.outcome === 'not_applicable' || check.outcome === 'skipped' ? [check.reason] : [],
          ),
        ),
      ];
      return {
        vendorId: vendor.id,
        path: path.id,
        outcome: cellOutcome(counts),
        counts,
        checks: checks.length,
        reasons,
      };
    });
    return { path, cells };
  });
  const rows = result.only
    ? allRows.filter((row) => row.cells.some((cell) => cell.outcome !== 'empty'))
    : allRows;
  const cellTotals: Record<CellOutcome, number> = { ...emptyCounts(), empty: 0 };
  for (const cell of rows.flatMap((row) => row.cells)) cellTotals[cell.outcome]++;
  return {
    vendors: result.vendors.map(({ id, name }) => ({ id, name })),
    rows,
    totals: countOutcomes(result.vendors.flatMap((vendor) => vendor.checks)),
    cellTotals,
  };
}
