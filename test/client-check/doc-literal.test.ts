import { describe, expect, it } from 'vitest';
import { checkClient } from '../../src/client-check/index.js';
import type { RuleVerdict } from '../../src/client-check/types.js';
import { getVendor, type VendorId, vendorIds } from '../../src/index.js';
import { isolateNetwork } from '../helpers/nock-isolation.js';
import { loadOracles } from '../helpers/vendor-oracles.js';
import { literalClient, type VendorClientCases } from './doc-literal/literal-client.js';

isolateNetwork({ strict: false });

const violated = (verdicts: readonly RuleVerdict[]) =>
  verdicts.filter((verdict) => verdict.outcome === 'violated');

/** Each vendor's test/vendors/<vendor>/doc-literal-clients.ts. */
const clientCases = await loadOracles<VendorClientCases>('doc-literal-clients.ts', 'clientCases');
const casesOf = (vendorId: VendorId) => clientCases.get(vendorId) ?? { literal: [], breaking: [] };

const literal = vendorIds.flatMap((vendorId) =>
  casesOf(vendorId).literal.map((client) => ({ vendorId, ...client })),
);
const breaking = vendorIds.flatMap((vendorId) =>
  casesOf(vendorId).breaking.map((client) => ({ vendorId, ...client })),
);

describe('clients that follow a vendor’s doc to the letter', () => {
  it.each(literal)(
    '$vendorId: a client that $name is never judged VIOLATED',
    async ({ vendorId, behaviour }) => {
      const result = await checkClient(vendorId, literalClient(behaviour));
      expect(violated(result.verdicts).map((verdict) => `${verdict.rule}: ${verdict.reason}`)).toEqual([]);
      expect(result.passed).toBe(true);
    },
  );
});

describe('clients that break one quoted doc line', () => {
  it.each(breaking)(
    '$vendorId: a client that $name violates exactly $breaks, citing the line',
    async ({ vendorId, behaviour, breaks }) => {
      const result = await checkClient(vendorId, literalClient(behaviour));
      const found = violated(result.verdicts);
      expect(found.map((verdict) => verdict.rule)).toEqual([...breaks]);
      const rules = getVendor(vendorId).policy.clientRules ?? {};
      for (const verdict of found) expect(verdict.reason).toContain(`"${rules[verdict.rule]?.quote}"`);
      expect(result.passed).toBe(false);
    },
  );

  it('every rule a vendor quotes is broken by one of its clients in test/vendors/<vendor>/doc-literal-clients.ts', () => {
    const uncovered = vendorIds.flatMap((vendorId) => {
      const broken = new Set(casesOf(vendorId).breaking.flatMap((client) => client.breaks));
      return Object.keys(getVendor(vendorId).policy.clientRules ?? {})
        .filter((rule) => !broken.has(rule))
        .map((rule) => `${vendorId} ${rule}`);
    });
    expect(uncovered).toEqual([]);
  });
});
