import { describe, expect, it } from 'vitest';
import { checkClient } from '../../src/client-check/index.js';
import type { RuleVerdict } from '../../src/client-check/types.js';
import { getVendor, vendorIds } from '../../src/index.js';
import { isolateNetwork } from '../helpers/nock-isolation.js';
import { clientCases } from './doc-literal/index.js';
import { literalClient } from './doc-literal/literal-client.js';

isolateNetwork({ strict: false });

const violated = (verdicts: readonly RuleVerdict[]) =>
  verdicts.filter((verdict) => verdict.outcome === 'violated');

const literal = vendorIds.flatMap((vendorId) =>
  clientCases[vendorId].literal.map((client) => ({ vendorId, ...client })),
);
const breaking = vendorIds.flatMap((vendorId) =>
  clientCases[vendorId].breaking.map((client) => ({ vendorId, ...client })),
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

  it('every rule a vendor quotes is broken by one of its clients', () => {
    const uncovered = vendorIds.flatMap((vendorId) => {
      const broken = new Set(clientCases[vendorId].breaking.flatMap((client) => client.breaks));
      return Object.keys(getVendor(vendorId).policy.clientRules ?? {})
        .filter((rule) => !broken.has(rule))
        .map((rule) => `${vendorId} ${rule}`);
    });
    expect(uncovered).toEqual([]);
  });
});
