import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { VendorId } from '../../src/vendors/registry.js';
import { call, send } from './call.js';
import { startIndependentVendors } from './index.js';
import { independentVendorIds, loadIndependentVendors } from './vendors.js';
import { withVendor } from './with-vendor.js';

/**
 * The behaviour every vendor of this implementation shares (starting, closing, fresh ids) and the
 * rate limits of the vendors that declare one (`rateLimit` in their `cases.ts`). Each vendor's
 * other behaviours are tested in its own folder (`vendors/<v>/*.test.ts`).
 */
const LOADED = await loadIndependentVendors();
const RATE_HEADERS = ['retry-after', 'x-ratelimit-reset', 'x-ratelimit-remaining', 'x-ratelimit-limit'];

describe.concurrent('rate limits of the independent vendors', () => {
  const limited = LOADED.flatMap(({ id, rateLimit }) =>
    rateLimit ? [{ vendorId: id as VendorId, ...rateLimit }] : [],
  );

  it.each(limited)(
    '$vendorId refuses a burst with 429 and $header, lifts the limit by the advertised time, and sends no rate headers otherwise',
    async ({ vendorId, operation, header }) => {
      await withVendor(
        vendorId,
        async (directory) => {
          const read = () => call(directory, { operation, role: 'rateLimited' });
          let answer = await read();
          for (let sent = 1; sent < 5 && answer.status !== 429; sent++) {
            expect(RATE_HEADERS.filter((name) => answer.headers[name] !== undefined)).toEqual([]);
            answer = await read();
          }
          expect(answer.status).toBe(429);
          const advertisedSeconds = Number(answer.headers[header]);
          // Seconds from now, whichever header: CaseXchange's reset is read as a delta here.
          expect(advertisedSeconds).toBeGreaterThanOrEqual(1);
          expect(advertisedSeconds).toBeLessThanOrEqual(2);
          expect((await read()).status).toBe(429);
          await sleep(advertisedSeconds * 1000);
          expect((await read()).status).toBe(200);
        },
        { rateLimitRefillMs: 800 },
      );
    },
  );

  const early = limited.flatMap(({ early: timing, ...rest }) => (timing ? [{ ...rest, ...timing }] : []));

  it.each(early)(
    '$vendorId lets a request through as soon as one token is back, before the $advertised s its $header advertises',
    async ({ vendorId, operation, header, refillMs, advertised, waitMs }) => {
      await withVendor(
        vendorId,
        async (directory) => {
          const read = () => call(directory, { operation, role: 'rateLimited' });
          for (let i = 0; i < 2; i++) expect((await read()).status).toBe(200);
          const refused = await read();
          expect(refused.headers[header]).toBe(advertised);
          await sleep(waitMs);
          expect((await read()).status).toBe(200);
        },
        { rateLimitRefillMs: refillMs },
      );
    },
  );
});

describe('startIndependentVendors', () => {
  it('starts every vendor folder with directories of their own and leaves nothing listening after close', async () => {
    const started = await startIndependentVendors();
    const directories = Object.values(started.directory);
    expect(Object.keys(started.directory).sort()).toEqual(independentVendorIds());
    for (const directory of directories) {
      expect(directory.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(Object.keys(directory.operations).length).toBeGreaterThan(0);
      expect(directory.credentials.valid).toBeDefined();
    }
    await started.close();
    for (const directory of directories)
      await expect(send(`${directory.baseUrl}/`, 'GET', {})).rejects.toThrow(/ECONNREFUSED/);
  });

  it('gives every start its own ids and credentials, so nothing can be hard-coded against it', async () => {
    const [one, two] = [await startIndependentVendors(), await startIndependentVendors()];
    try {
      for (const vendorId of independentVendorIds() as VendorId[]) {
        const [first, second] = [one.directory[vendorId], two.directory[vendorId]];
        expect(first?.facts, vendorId).not.toEqual(second?.facts);
        expect(first?.credentials.valid, vendorId).not.toEqual(second?.credentials.valid);
      }
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
