import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { type MountedExchange, mountSimulator, VirtualClock } from '../../src/simulator/index.js';
import { isolateNetwork } from '../helpers/nock-isolation.js';

isolateNetwork({ strict: false });

const BASE = 'https://api.casexchange.test';

describe('fault headers and the exchange hook of mountSimulator', () => {
  it("a fault's own reset header wins over the rate limiter's, and every exchange is reported", async () => {
    const clock = new VirtualClock();
    const exchanges: MountedExchange[] = [];
    const sim = await mountSimulator('casexchange', BASE, { clock, onExchange: (e) => exchanges.push(e) });
    try {
      const key = sim.credentials().roles.valid;
      if (key?.kind !== 'header') throw new Error('expected a header credential');
      sim.faults.inject('casexchange', {
        route: '/firms/me',
        code: 'rate_limited',
        headers: { 'X-RateLimit-Reset': '1767225606' },
      });
      const response = await fetch(`${BASE}/firms/me`, { headers: { [key.header]: key.value } });
      expect(response.status).toBe(429);
      expect(response.headers.get('x-ratelimit-reset')).toBe('1767225606');
      expect(response.headers.get('x-ratelimit-limit')).not.toBeNull();
      expect(exchanges).toMatchObject([
        { request: { method: 'GET', path: '/firms/me' }, response: { status: 429 }, receivedAt: clock.now() },
      ]);
    } finally {
      sim.unmount();
      nock.cleanAll();
    }
  });
});
