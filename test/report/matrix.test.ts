import { describe, expect, it } from 'vitest';
import { buildMatrix, type CellOutcome, cellOutcome } from '../../src/report/matrix.js';
import { emptyCounts } from '../../src/report/outcome-counts.js';
import { CHECKLIST_PATHS } from '../../src/report/paths.js';
import type { Outcome } from '../../src/report/result.js';
import { firstVendorName, fixtureResult } from './fixtures.js';

const counts = (values: Partial<Record<Outcome, number>>) => ({ ...emptyCounts(), ...values });

describe('cellOutcome', () => {
  it.each<[string, Partial<Record<Outcome, number>>, CellOutcome]>([
    ['one failure among passes', { pass: 3, fail: 1 }, 'fail'],
    ['a failure outweighs drift', { fail: 1, drift: 2 }, 'fail'],
    ['drift among passes', { pass: 2, drift: 1 }, 'drift'],
    ['passes with a skipped check', { pass: 1, skipped: 1 }, 'pass'],
    ['passes with a not-applicable check', { pass: 1, not_applicable: 1 }, 'pass'],
    ['only skipped checks', { skipped: 2 }, 'skipped'],
    ['skipped and not applicable', { skipped: 1, not_applicable: 1 }, 'skipped'],
    ['only not-applicable checks', { not_applicable: 1 }, 'not_applicable'],
    ['no checks at all', {}, 'empty'],
  ])('is right for %s', (_label, values, expected) => {
    expect(cellOutcome(counts(values))).toBe(expected);
  });
});

describe('buildMatrix', () => {
  const result = fixtureResult();
  const matrix = buildMatrix(result);
  const cell = (vendorIndex: number, path: string) =>
    matrix.rows.find((row) => row.path.id === path)?.cells[vendorIndex];

  it('has one row per checklist path in order, and one cell per vendor in the result order', () => {
    expect(matrix.rows.map((row) => row.path.id)).toEqual(CHECKLIST_PATHS.map((path) => path.id));
    expect(matrix.vendors.map((vendor) => vendor.id)).toEqual(result.vendors.map((vendor) => vendor.id));
    for (const row of matrix.rows) expect(row.cells).toHaveLength(result.vendors.length);
  });

  it('gives each cell the outcome of its checks and keeps the reasons of checks that did not run', () => {
    expect(cell(0, 'validation')?.outcome).toBe('fail');
    expect(cell(0, 'conflict')?.outcome).toBe('drift');
    expect(cell(0, 'server_retry')?.outcome).toBe('pass');
    expect(cell(0, 'idempotency_reuse')).toMatchObject({
      outcome: 'skipped',
      reasons: [expect.stringMatching(/to enable$/)],
    });
    expect(cell(0, 'rate_limit')).toMatchObject({
      outcome: 'not_applicable',
      reasons: [`${firstVendorName} documents no rate limit`],
    });
    expect(cell(0, 'payload_too_large')).toMatchObject({ outcome: 'empty', checks: 0, reasons: [] });
  });

  it('counts checks by outcome in totals and cells by outcome in cellTotals', () => {
    expect(matrix.totals).toEqual(result.totals);
    const cells = matrix.rows.flatMap((row) => row.cells);
    expect(Object.values(matrix.cellTotals).reduce((a, b) => a + b, 0)).toBe(cells.length);
    expect(matrix.cellTotals.fail).toBe(cells.filter((c) => c.outcome === 'fail').length);
    expect(matrix.cellTotals.empty).toBeGreaterThan(0);
  });
});
