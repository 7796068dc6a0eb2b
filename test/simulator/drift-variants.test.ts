import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { getVendor, type VendorId, vendorIds } from '../../src/index.js';
import {
  type DriftVariant,
  InapplicableDriftError,
  type MountedSimulator,
  mountSimulator,
  runScenario,
  scenariosFor,
  startSimulator,
  uncataloguedCodeFor,
  wrongStatusFor,
} from '../../src/simulator/index.js';
import { codeOf, parseJson } from './helpers.js';

let mounted: MountedSimulator | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  nock.cleanAll();
});

/** A scenario answered by its first request, with no setup, background or fault to arrange. */
const simplest = (vendorId: VendorId) => {
  const scenario = scenariosFor(vendorId).find(
    (candidate) => candidate.how === 'natural' && !candidate.setup?.length && !candidate.background,
  );
  if (!scenario) throw new Error(`${vendorId} has no scenario answered by a single request.`);
  const entry = getVendor(vendorId).catalog.find((candidate) => candidate.code === scenario.code);
  if (!entry) throw new Error(`${scenario.code} is not in the ${vendorId} catalog.`);
  return { scenario, entry };
};

describe.each(vendorIds)('drift variants of %s', (vendorId) => {
  const { catalog, policy } = getVendor(vendorId);
  const { scenario, entry } = simplest(vendorId);
  const base = `https://${vendorId}.drift.test`;
  const play = async () => {
    if (!mounted) throw new Error('Nothing is mounted.');
    return (await runScenario({ baseUrl: base, credentials: mounted.credentials() }, scenario)).response;
  };

  it('change the status of a code’s answer through nock, and stop once cleared', async () => {
    mounted = await mountSimulator(vendorId, base, {
      drift: [{ kind: 'wrong_status', vendorId, code: entry.code }],
    });
    const drifted = await play();
    expect(drifted.status).toBe(wrongStatusFor(vendorId, entry.status, entry.acceptedStatuses));
    expect(entry.acceptedStatuses ?? []).not.toContain(drifted.status);
    expect(drifted.status).not.toBe(entry.status);
    mounted.drift.set([]);
    expect((await play()).status).toBe(entry.status);
  });

  it('replace the code with one the catalog does not hold', async () => {
    mounted = await mountSimulator(vendorId, base, {
      drift: [{ kind: 'uncatalogued_code', vendorId, code: entry.code }],
    });
    const fresh = uncataloguedCodeFor(vendorId, entry.code);
    expect(catalog.some((candidate) => candidate.code === fresh)).toBe(false);
    expect(codeOf(vendorId, parseJson((await play()).body))).toBe(fresh);
  });

  it('refuse a header variant for a code the catalog lists no header for', async () => {
    const headerless = catalog.find((candidate) => !candidate.headers?.length);
    expect(headerless).toBeDefined();
    const variant: DriftVariant = { kind: 'missing_header', vendorId, code: headerless?.code ?? '' };
    const sim = await startSimulator({ vendors: [vendorId] });
    try {
      expect(() => sim.drift.set([variant])).toThrow(InapplicableDriftError);
      expect(sim.drift.active).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  it('refuse a code the catalog does not hold, and a status the status table lacks', async () => {
    const sim = await startSimulator({ vendors: [vendorId] });
    try {
      const unknown = uncataloguedCodeFor(vendorId, 'drift');
      expect(() => sim.drift.set([{ kind: 'wrong_status', vendorId, code: unknown }])).toThrow(
        InapplicableDriftError,
      );
      // 418 is no vendor's answer; the first expectation keeps that true.
      expect(policy.statuses.map((rule) => rule.status)).not.toContain(418);
      expect(() => sim.drift.set([{ kind: 'wrong_status', vendorId, status: 418 }])).toThrow(
        InapplicableDriftError,
      );
    } finally {
      await sim.close();
    }
  });
});

describe('drift variants a vendor does not document', () => {
  const withoutIds = vendorIds.filter((vendorId) => !getVendor(vendorId).policy.requestId.promised);

  it.each(withoutIds)('refuse to remove a request id %s never promised', async (vendorId) => {
    const code = getVendor(vendorId).catalog[0]?.code ?? '';
    await expect(
      startSimulator({ vendors: [vendorId], drift: [{ kind: 'missing_request_id', vendorId, code }] }),
    ).rejects.toThrow(InapplicableDriftError);
  });
});
