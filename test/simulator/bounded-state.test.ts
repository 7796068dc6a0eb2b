import { describe, expect, it } from 'vitest';
import { addCreated, ExpiringStore } from '../../src/simulator/bounded-store.js';
import { createSimulatorCore } from '../../src/simulator/simulator-core.js';
import type { SimRequest } from '../../src/simulator/types.js';
import { VirtualClock } from '../../src/time/clock.js';

const DAY = 24 * 60 * 60 * 1000;
const CAP = 500;
const LOAD = 5_000;

function post(path: string, headers: Record<string, string>, body: unknown): SimRequest {
  return {
    method: 'POST',
    path,
    query: new URLSearchParams(),
    headers: { 'content-type': 'application/json', ...headers },
    body: new TextEncoder().encode(JSON.stringify(body)),
    declaredLength: null,
  };
}

describe('bounded state', () => {
  it('keeps at most the capped number of idempotency records, and none once the window has passed', async () => {
    const clock = new VirtualClock();
    const core = createSimulatorCore({ vendors: ['denialbase'], clock, maxIdempotencyRecords: CAP });
    const runtime = core.runtime('denialbase');
    const cookie = '_denialbase_session=sess_valid_9f2k';
    for (let i = 0; i < LOAD; i++) {
      const key = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const answer = await runtime.handle(
        post(
          '/api/v1/denials',
          { cookie, 'idempotency-key': key },
          { claim_number: `C${i}`, denial_type: 'coding', amount_cents: i },
        ),
      );
      expect(answer.status).toBe(201);
      clock.advance(1_000);
    }
    expect(core.stats('denialbase').idempotencyRecords).toBeLessThanOrEqual(CAP);
    clock.advance(DAY);
    expect(core.stats('denialbase').idempotencyRecords).toBe(0);
  });

  it('keeps at most the capped number of rate-limit windows, and none once they have ended', async () => {
    const clock = new VirtualClock();
    const core = createSimulatorCore({ vendors: ['casexchange'], clock, maxRateLimitWindows: CAP });
    const runtime = core.runtime('casexchange');
    for (let i = 0; i < LOAD; i++) {
      // Every request from a different (unknown) key opens a window of its own.
      await runtime.handle({
        ...post('/cases', { 'x-api-key': `cx_unknown_${i}` }, {}),
        method: 'GET',
        path: '/firms/me',
      });
    }
    expect(core.stats('casexchange').rateLimitWindows).toBeLessThanOrEqual(CAP);
    clock.advance(61_000);
    expect(core.stats('casexchange').rateLimitWindows).toBe(0);
  });

  it('evicts the oldest entry when full and expired entries on the next write', () => {
    const store = new ExpiringStore<number>(3);
    for (const [key, at] of [
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 3],
    ] as const)
      store.set(key, at, at + 100, at);
    expect(store.get('a', 4)).toBeUndefined();
    expect(store.get('d', 4)).toBe(3);
    store.set('e', 5, 300, 200);
    expect(store.size).toBe(1);
  });
});

describe('created resources', () => {
  it('keeps at most the cap of client-created resources and never evicts the seeded ones', () => {
    const map = new Map<string, number>([['seeded', 0]]);
    for (let i = 0; i < 50; i++) addCreated(map, `created-${i}`, i, 10);
    expect(map.size).toBe(11);
    expect(map.has('seeded')).toBe(true);
    expect(map.has('created-39')).toBe(false);
    expect(map.has('created-40')).toBe(true);
  });
});

describe('rate-limit windows under a flood of made-up keys', () => {
  it("never evict a real key's window: a key that used up its quota stays refused", async () => {
    const clock = new VirtualClock();
    const core = createSimulatorCore({ vendors: ['casexchange'], clock, maxRateLimitWindows: 50 });
    const runtime = core.runtime('casexchange');
    const read = (key: string) =>
      runtime.handle({ ...post('/firms/me', { 'x-api-key': key }, {}), method: 'GET' });
    // This test key allows two requests a minute.
    const limited = 'cx_test_ratelimited_6Wn3';
    expect((await read(limited)).status).toBe(200);
    expect((await read(limited)).status).toBe(200);
    expect((await read(limited)).status).toBe(429);
    for (let i = 0; i < 500; i++) await read(`cx_junk_${i}_${'x'.repeat(200)}`);
    expect((await read(limited)).status).toBe(429);
    expect(core.stats('casexchange').rateLimitWindows).toBeLessThanOrEqual(50);
  });
});
