import { describe, expect, it } from 'vitest';
import { checklistFor } from '../../src/conformance/checklist.js';
import type { CheckResult } from '../../src/report/result.js';
import { assembleResult } from '../../src/runner/assemble-result.js';
import type { CheckMeta } from '../../src/runner/vitest/define-suite.js';

const timing = { startedAt: new Date('2026-01-01T00:00:00Z'), finishedAt: new Date('2026-01-01T00:00:01Z') };

function metaFor(id: string): CheckMeta {
  const result: CheckResult = {
    id,
    path: 'other',
    title: id,
    outcome: 'pass',
    failures: [],
    drift: [],
    exchanges: [],
    requests: 1,
    simulatedWaitMs: 0,
    durationMs: 1,
  };
  return { vendorId: 'claimrev', baseUrl: 'http://127.0.0.1:1/claimrev', result };
}

describe('assembleResult', () => {
  it('lists a vendor’s checks in checklist order whatever order their results arrived in', () => {
    const ids = checklistFor('claimrev').map((check) => check.id);
    const statusIds = ids.filter((id) => id.startsWith('status.'));
    expect(statusIds.length).toBeGreaterThan(1);
    // The status checks arrive first and last-first, the rest of the checklist after them.
    const arrived = [...statusIds].reverse().concat(ids.filter((id) => !id.startsWith('status.')));
    const result = assembleResult({ target: 'replay', vendors: ['claimrev'] }, arrived.map(metaFor), timing);
    expect(result.vendors[0]?.checks.map((check) => check.id)).toEqual(ids);
  });

  it('records the --only selection once per id, and none for a full run', () => {
    const id = checklistFor('claimrev')[0]?.id ?? '';
    const narrowed = assembleResult(
      { target: 'local', vendors: ['claimrev'], only: [id, id] },
      [metaFor(id)],
      timing,
    );
    expect(narrowed.only).toEqual([id]);
    expect(
      assembleResult({ target: 'local', vendors: ['claimrev'] }, [metaFor(id)], timing),
    ).not.toHaveProperty('only');
  });
});
