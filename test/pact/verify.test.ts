import { describe, expect, it } from 'vitest';
import { contractFile } from '../../src/pact/consumer.js';
import { interactionsFor } from '../../src/pact/interactions.js';
import { startSimulator } from '../../src/simulator/index.js';
import { vendorIds } from '../../src/vendors/registry.js';
import { COMMITTED_DIR, secretsOf } from './contract-data.js';
import { runPactQuietly, verifySandboxQuietly } from './quiet-pact.js';

// The committed contracts are verified as they are; contracts.test.ts keeps them current.
const verify = (drifted: boolean) =>
  runPactQuietly({ vendors: vendorIds, dir: COMMITTED_DIR, generate: false, verify: true, drifted });

describe('provider verification against the simulator', () => {
  it('passes every interaction of every vendor', async () => {
    const result = await verify(false);
    expect(result.vendors.map((vendor) => [vendor.vendorId, vendor.failedIds])).toEqual(
      vendorIds.map((vendorId) => [vendorId, []]),
    );
  });

  it('fails exactly the drifted interaction of each vendor when the simulator drifts', async () => {
    const result = await verify(true);
    for (const vendor of result.vendors) {
      expect(vendor.driftedId, `${vendor.vendorId} has an interaction to drift`).toBeDefined();
      expect(vendor.failedIds, vendor.vendorId).toEqual([vendor.driftedId]);
    }
  });

  it('reports a failure without any credential value in it', async () => {
    const result = await verify(true);
    const sim = await startSimulator();
    try {
      const report = JSON.stringify(result);
      const secrets = vendorIds.flatMap((vendorId) => secretsOf(sim, vendorId));
      expect(secrets.filter((secret) => report.includes(secret))).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});

describe('sandbox verification of the interactions that need no state', () => {
  it.each(vendorIds)('%s passes with its credentials injected at verification time', async (vendorId) => {
    const sim = await startSimulator({ vendors: [vendorId] });
    try {
      const credentials = sim.credentials(vendorId);
      const outcome = await verifySandboxQuietly({
        vendorId,
        file: contractFile(COMMITTED_DIR, vendorId),
        baseUrl: sim.url(vendorId),
        credentials,
      });
      const expected = interactionsFor(vendorId).interactions.filter((spec) => spec.stateless).length;
      expect(expected).toBeGreaterThan(0);
      expect(outcome.verified).toBe(expected);
      expect(outcome.failed).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});
