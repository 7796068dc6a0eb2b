import { describe, expect, it } from 'vitest';
import { checklistFor } from '../../src/conformance/checklist.js';
import type { PlannedCheck } from '../../src/conformance/types.js';
import { createHttpTarget } from '../../src/runner/targets/http-target.js';
import { getVendor, type VendorId, vendorIds } from '../../src/vendors/registry.js';

/** The vendors with a payload-too-large check, and the check itself. */
const payloadChecks = vendorIds.flatMap((vendorId) =>
  checklistFor(vendorId)
    .filter((check) => check.kind === 'scenario' && check.scenario.request.declaredLength !== undefined)
    .map((check) => ({ vendorId, check, limit: getVendor(vendorId).policy.payloadLimit })),
);

function sandbox(vendorId: VendorId, facts: Record<string, string>) {
  const header = { kind: 'header', header: 'Authorization', value: 'Bearer t0ken-for-tests' } as const;
  return createHttpTarget({
    vendors: new Map([
      [
        vendorId,
        {
          vendorId,
          baseUrl: 'http://127.0.0.1:9',
          declaredSandbox: true,
          credentials: { vendorId, roles: { valid: header }, facts },
          checks: {},
        },
      ],
    ]),
  });
}

const declaredLength = (check: PlannedCheck | undefined) =>
  check && 'scenario' in check ? check.scenario.request.declaredLength : undefined;

describe('the payload-too-large check on a sandbox', () => {
  it('exists for a vendor with an inferred limit and one with a documented limit', () => {
    expect(payloadChecks.map((entry) => entry.limit?.source).sort()).toEqual(['documented', 'inferred']);
  });

  it.each(payloadChecks.filter((entry) => entry.limit?.source === 'inferred'))(
    '$vendorId: an invented limit is skipped, naming the fact that enables it',
    ({ vendorId, check }) => {
      const prepared = sandbox(vendorId, {}).prepare?.(vendorId, check);
      expect(prepared).toMatchObject({
        kind: 'skipped',
        reason: expect.stringContaining(`vendors.${vendorId}.facts.maxBodyBytes`),
      });
    },
  );

  it.each(payloadChecks)(
    '$vendorId: a configured limit sizes the request one byte past it',
    ({ vendorId, check }) => {
      const prepared = sandbox(vendorId, { maxBodyBytes: '2048' }).prepare?.(vendorId, check);
      expect(prepared?.kind).toBe('scenario');
      expect(declaredLength(prepared)).toBe(2049);
    },
  );

  it.each(payloadChecks.filter((entry) => entry.limit?.source === 'documented'))(
    '$vendorId: a documented limit is used when none is configured',
    ({ vendorId, check, limit }) => {
      const prepared = sandbox(vendorId, {}).prepare?.(vendorId, check);
      expect(declaredLength(prepared)).toBe((limit?.bytes ?? 0) + 1);
    },
  );

  it.each(payloadChecks)(
    '$vendorId: a limit that is not a number is named in the skip reason',
    ({ vendorId, check }) => {
      const prepared = sandbox(vendorId, { maxBodyBytes: 'ten megabytes' }).prepare?.(vendorId, check);
      expect(prepared).toMatchObject({ kind: 'skipped', reason: expect.stringContaining('maxBodyBytes') });
    },
  );
});
