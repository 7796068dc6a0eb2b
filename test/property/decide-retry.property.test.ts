import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_RETRY_AFTER_MS,
  decideRetry,
  getVendor,
  normalizeError,
  vendorIds,
} from '../../src/index.js';
import { fixedNow } from '../helpers/vendor-bodies.js';
import { headersArbitrary, RUNS, statusArbitrary } from './arbitraries.js';

const methods = fc.constantFrom('GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE', 'get', 'BREW');

describe.each(vendorIds)('decideRetry(%s) properties', (vendorId) => {
  const { retry } = getVendor(vendorId).policy;

  it(`waits a bounded time, only for retryable errors and while attempts remain (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        statusArbitrary(vendorId),
        headersArbitrary,
        fc.integer({ min: -2, max: 12 }),
        methods,
        fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (status, headers, attempt, method, idempotencyKey, draw) => {
          const normalized = normalizeError(
            vendorId,
            { status: status as number, headers },
            { now: fixedNow },
          );
          const decision = decideRetry(vendorId, normalized, {
            attempt,
            method,
            idempotencyKey,
            random: () => draw,
          });
          if (!decision.retry) {
            expect(decision.delayMs).toBe(0);
            return;
          }
          expect(normalized.retryable).toBe(true);
          expect(Math.max(1, attempt)).toBeLessThan(retry.maxAttempts);
          expect(Number.isInteger(decision.delayMs)).toBe(true);
          expect(decision.delayMs).toBeGreaterThanOrEqual(0);
          expect(decision.delayMs).toBeLessThanOrEqual(DEFAULT_MAX_RETRY_AFTER_MS + 30_000 + 500);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
