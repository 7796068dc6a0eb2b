import { describe, expect, it, vi } from 'vitest';
import type { VendorPolicy } from '../../src/generated/meta-types.js';

/** Collate's data with 504 taken out of its retry policy: a vendor whose gateway answers otherwise. */
vi.mock('../../src/vendors/registry.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/vendors/registry.js')>();
  const withoutGatewayTimeout = (policy: VendorPolicy): VendorPolicy => ({
    ...policy,
    retry: {
      ...policy.retry,
      retryableStatuses: policy.retry.retryableStatuses.filter((status) => status !== 504),
    },
  });
  return {
    ...original,
    getVendor: ((id: Parameters<typeof original.getVendor>[0]) => {
      const vendor = original.getVendor(id);
      return id === 'collate' ? { ...vendor, policy: withoutGatewayTimeout(vendor.policy) } : vendor;
    }) as typeof original.getVendor,
  };
});

const { planSequences } = await import('../../src/client-check/sequences.js');
const { getVendor } = await import('../../src/vendors/registry.js');

describe('the timed-out write sequence takes its answer from the vendor data', () => {
  it('a vendor that retries 504 gets a bare 504 after the held write', () => {
    const plan = planSequences('foresight').get('timed_out_write');
    expect(plan?.faults(0, '/v1/claims')).toEqual([expect.objectContaining({ status: 504 })]);
    expect(plan?.title).toContain('answered 504');
  });

  it('a vendor whose policy does not retry 504 gets its own retryable 5xx, with its catalog code', () => {
    const { policy, catalog } = getVendor('collate');
    const [fault] = planSequences('collate').get('timed_out_write')?.faults(0, '/v1/x') ?? [];
    const status =
      fault && 'code' in fault ? catalog.find((entry) => entry.code === fault.code)?.status : fault?.status;
    expect(status).toBeDefined();
    expect(status).not.toBe(504);
    expect(policy.retry.retryableStatuses).toContain(status);
    expect(fault).toMatchObject({ delayMs: expect.any(Number) });
  });
});
