import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NormalizedError, normalizeError, vendorIds } from '../../src/index.js';
import { fixedNow } from '../helpers/vendor-bodies.js';
import {
  arbitraryBytesBody,
  arbitraryJsonBody,
  headersArbitrary,
  mutatedEnvelopeArbitrary,
  RUNS,
  statusArbitrary,
} from './arbitraries.js';

const prototypeMembers = Object.getOwnPropertyNames(Object.prototype).sort();

/*
 * "Never stalls" carries no wall-clock bound per input, which a loaded machine would break: a call
 * that stalls (a regex backtracking, a quadratic loop) runs for minutes, and the test's timeout
 * fails it.
 */
function checkInvariants(result: NormalizedError): void {
  expect(result.problems.filter((problem) => problem.kind === 'normalizer_failure')).toEqual([]);
  expect(typeof result.status).toBe('number');
  expect(typeof result.message).toBe('string');
  expect(
    result.retryAfterMs === null || (Number.isFinite(result.retryAfterMs) && result.retryAfterMs >= 0),
  ).toBe(true);
  expect(() => JSON.stringify(result)).not.toThrow();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeMembers);
}

function property(vendorId: (typeof vendorIds)[number], body: fc.Arbitrary<unknown>) {
  return fc.property(statusArbitrary(vendorId), headersArbitrary, body, (status, headers, generated) => {
    const result = normalizeError(
      vendorId,
      { status: status as number, headers, body: generated },
      { now: fixedNow },
    );
    checkInvariants(result);
  });
}

describe.each(vendorIds)('normalizeError(%s) properties', (vendorId) => {
  it(`never throws, pollutes or stalls on mutated vendor envelopes (${RUNS} runs)`, () => {
    fc.assert(property(vendorId, mutatedEnvelopeArbitrary(vendorId)), { numRuns: RUNS });
  });

  it(`never throws, pollutes or stalls on arbitrary JSON (${RUNS} runs)`, () => {
    fc.assert(property(vendorId, arbitraryJsonBody), { numRuns: RUNS });
  });

  it(`never throws, pollutes or stalls on arbitrary bytes and text (${RUNS} runs)`, () => {
    fc.assert(property(vendorId, arbitraryBytesBody), { numRuns: RUNS });
  });
});
