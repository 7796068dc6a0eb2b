import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistFor } from '../../src/conformance/checklist.js';
import { runCheck } from '../../src/conformance/execute.js';
import type { RunLimits } from '../../src/conformance/types.js';
import { createHttpTarget, USER_AGENT } from '../../src/runner/targets/http-target.js';
import { advancingClock } from '../../src/runner/targets/simulator-side.js';
import { type RunningSimulator, startSimulator, VirtualClock } from '../../src/simulator/index.js';
import { getVendor, type VendorId, vendorIds } from '../../src/vendors/registry.js';

/**
 * The rate-limit sequence as a sandbox run plays it: no simulator hooks, only HTTP, but against
 * the simulator on a virtual clock so that a wait the run refuses costs nothing either way.
 */
const clock = new VirtualClock();
let sim: RunningSimulator | undefined;
beforeAll(async () => {
  sim = await startSimulator({ clock });
});
afterAll(async () => {
  await sim?.close();
});

const limited = vendorIds.filter((id) => getVendor(id).policy.rateLimit.documented);

async function rateLimitCheck(vendorId: VendorId, limits: Partial<RunLimits>) {
  const running = sim as RunningSimulator;
  running.reset(vendorId);
  const target = createHttpTarget({
    vendors: new Map([
      [
        vendorId,
        {
          vendorId,
          baseUrl: running.url(vendorId),
          declaredSandbox: true,
          credentials: running.credentials(vendorId),
          checks: {},
        },
      ],
    ]),
    clock: advancingClock(clock),
    limits,
  });
  const planned = checklistFor(vendorId).find((check) => check.id === 'sequence.rate_limit_wait');
  if (!planned) throw new Error(`${vendorId} has no rate-limit sequence`);
  const before = clock.now();
  const result = await runCheck(vendorId, target, planned, { now: () => clock.now(), sleep: target.wait });
  return { result, waitedMs: clock.now() - before };
}

describe('the rate-limit check on a sandbox stays within the run limits', () => {
  it('documents a rate limit for at least three vendors', () => {
    expect(limited.length).toBeGreaterThanOrEqual(3);
  });

  it.each(limited)('%s: stops at the first 429 and passes within the default limits', async (vendorId) => {
    const { result } = await rateLimitCheck(vendorId, { maxWaitMs: 120_000 });
    expect(result.outcome).toBe('pass');
    const statuses = result.exchanges.map((exchange) => exchange.response?.status);
    // Reads until the first refusal, then the one read after the advertised wait: nothing is sent
    // before the advertised time, so nothing after the first 429 but that read.
    const first429 = statuses.indexOf(getVendor(vendorId).policy.rateLimit.status ?? 429);
    expect(first429).toBeGreaterThanOrEqual(0);
    expect(statuses.length).toBe(first429 + 2);
  });

  it.each(limited)(
    '%s: a burst bound below the limit ends the check as not verified after exactly that many requests',
    async (vendorId) => {
      const { result } = await rateLimitCheck(vendorId, { maxBurst: 1, maxWaitMs: 120_000 });
      expect(result.outcome).toBe('skipped');
      expect(result.reason).toMatch(/^Not verified: no 429 within 1 request, the burst bound/);
      expect(result.requests).toBe(1);
    },
  );

  it.each(limited)(
    '%s: a Retry-After above the ceiling ends the check as not verified without waiting',
    async (vendorId) => {
      const { result, waitedMs } = await rateLimitCheck(vendorId, { maxWaitMs: 5_000 });
      expect(result.outcome).toBe('skipped');
      expect(result.reason).toMatch(/above the 5 s ceiling \(--max-wait\)/);
      expect(waitedMs).toBe(0);
      expect(result.simulatedWaitMs).toBe(0);
    },
  );
});

describe('the HTTP target', () => {
  it('marks every request it sends as conformance test traffic', async () => {
    const { createServer } = await import('node:http');
    const seen: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers['user-agent']);
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const target = createHttpTarget({ vendors: new Map() });
      await target.send?.(`http://127.0.0.1:${port}/x`, 'GET', {}, undefined);
      await target.send?.(`http://127.0.0.1:${port}/y`, 'GET', { 'user-agent': 'caller-chosen' }, undefined);
      expect(seen).toEqual([USER_AGENT, 'caller-chosen']);
    } finally {
      server.close();
    }
  });
});
