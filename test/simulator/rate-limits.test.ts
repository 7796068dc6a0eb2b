import { describe, expect, it } from 'vitest';
import { getVendor, type VendorId } from '../../src/index.js';
import type { ScenarioRequest } from '../../src/scenarios/types.js';
import { sendScenarioRequest, VirtualClock } from '../../src/simulator/index.js';
import { codeOf, parseJson, useSimulator } from './helpers.js';

const clock = new VirtualClock(Date.UTC(2026, 2, 31, 12, 0, 0));
const sim = useSimulator({ clock, vendors: ['casexchange', 'foresight', 'denialbase'] });

const limited: { vendorId: VendorId; request: ScenarioRequest }[] = [
  { vendorId: 'casexchange', request: { method: 'GET', operation: 'firm', role: 'rateLimited' } },
  { vendorId: 'foresight', request: { method: 'GET', operation: 'claims', role: 'rateLimited' } },
  { vendorId: 'denialbase', request: { method: 'GET', operation: 'denials', role: 'rateLimited' } },
];

describe.each(limited)('$vendorId rate limiting', ({ vendorId, request }) => {
  const rules = getVendor(vendorId).policy.rateLimit;
  const target = () => ({ baseUrl: sim().url(vendorId), credentials: sim().credentials(vendorId) });

  it('answers over-quota requests with its own 429 and headers, and lets the next one through once the advertised wait has passed', async () => {
    sim().reset(vendorId);
    let answer = await sendScenarioRequest(target(), request);
    for (let i = 0; i < 10 && answer.status !== 429; i++)
      answer = await sendScenarioRequest(target(), request);
    expect(answer.status).toBe(rules.status);
    expect(codeOf(vendorId, parseJson(answer.body))).toBe(rules.code);
    for (const name of rules.informationalHeaders ?? [])
      expect(answer.headers[name.toLowerCase()]).toMatch(/^\d+$/);

    let waitMs: number;
    if (rules.retryAfterHeader) {
      waitMs = Number(answer.headers['retry-after']) * 1000;
    } else {
      // CaseXchange: X-RateLimit-Reset is the epoch second the window ends (the policy's reading).
      const reset = Number(answer.headers[rules.resetHeader?.name.toLowerCase() ?? '']);
      expect(reset).toBeGreaterThan(clock.now() / 1000);
      waitMs = reset * 1000 - clock.now();
    }
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(60_000);
    clock.advance(waitMs - 1_000);
    expect((await sendScenarioRequest(target(), request)).status).toBe(429);
    clock.advance(1_000);
    expect((await sendScenarioRequest(target(), request)).status).toBe(200);
  });
});
