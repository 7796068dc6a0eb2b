import { describe, expect, it } from 'vitest';
import { checklistFor } from '../src/conformance/index.js';
import { type VendorId, vendorIds } from '../src/index.js';
import { CHECKLIST_PATHS } from '../src/report/paths.js';
import { statusScenariosFor } from '../src/simulator/index.js';
import { defineSimulatorConformance } from './conformance-expectations.js';

// The embedded simulator over loopback HTTP, through the same code path as a sandbox run. Every
// documented row is checked here: nothing may be skipped.
defineSimulatorConformance({ target: 'local', vendors: vendorIds, allowSkipped: false });

describe('the local run of the statuses documented without a code', () => {
  // Only vendors that document statuses without codes have these checks to look at.
  const codeless = vendorIds.filter((vendorId) => statusScenariosFor(vendorId).length > 0);

  it.each(codeless.map((id) => [id]))('%s has one check per status scenario', (vendorId) => {
    const statusChecks = checklistFor(vendorId).flatMap((check) => (check.kind === 'status' ? [check] : []));
    expect(statusChecks.map((check) => check.scenario)).toEqual(statusScenariosFor(vendorId));
  });

  it.each(
    codeless.flatMap((vendorId) =>
      statusChecksOf(vendorId).map((check) => [vendorId, check.id, check] as const),
    ),
  )('%s %s sits on a matrix row whose status column holds its status', (_vendorId, _id, check) => {
    // The row's status column ("403", "400/422", "5xx") must hold the status…
    const column = CHECKLIST_PATHS.find((path) => path.id === check.path)?.status.split('/') ?? [];
    const status = String(check.status);
    expect(column.some((cell) => cell === status || (cell.endsWith('xx') && cell[0] === status[0]))).toBe(
      true,
    );
    // …and where the scenario names its row (two rows share 403), it is that row.
    if (check.scenario.path) expect(check.path).toBe(check.scenario.path);
  });
});

function statusChecksOf(vendorId: VendorId) {
  return checklistFor(vendorId).flatMap((check) => (check.kind === 'status' ? [check] : []));
}
