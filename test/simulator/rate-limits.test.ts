import { describe, expect, it } from 'vitest';
import { getVendor, vendorIds } from '../../src/index.js';
import type { ScenarioRequest } from '../../src/scenarios/types.js';
import { vendorScenarios } from '../../src/scenarios/vendors/index.js';
import { sendScenarioRequest, VirtualClock } from '../../src/simulator/index.js';
import { codeOf, parseJson, useSimulator } from './helpers.js';

const clock = new VirtualClock(Date.UTC(2026, 2, 31, 12, 0, 0));
/** Vendors whose policy documents a rate limit, each limited on its repeatable read. */
const limited = vendorIds
  .filter((vendorId) => getVendor(vendorId).policy.rateLimit.documented)
  .map((vendorId) => ({
    vendorId,
    request: { ...vendorScenarios[vendorId].behaviour.read, role: 'rateLimited' } satisfies ScenarioRequest,
  }));
const sim = useSimulator({ clock, vendors: limited.map(({ vendorId }) => vendorId) });

describe.each(limited)('$vendorId rate limiting', ({ vendorId, request }) => {
  const rules = getVendor(vendorId).policy.rateLimit;
  const target = () => ({ baseUrl: sim().url(vendorId), credentials: sim().credentials(vendorId) });

  it('answers over-quota requests with its own 429 and headers, and lets the next one through once the advertised wait has passed', async () => {
    sim().reset(vendorId);
    if (!sim().credentials(vendorId).roles.rateLimited)
      throw new Error(
        `${vendorId} documents a rate limit, so its model needs a rateLimited role to show it on`,
      );
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
      // A reset header (CaseXchange's X-RateLimit-Reset) is read in the unit the policy records.
      const header = rules.resetHeader;
      if (!header)
        throw new Error(`${vendorId} documents a rate limit with neither Retry-After nor a reset header`);
      const reset = Number(answer.headers[header.name.toLowerCase()]);
      if (header.unit === 'delta_seconds') waitMs = reset * 1000;
      else {
        const resetMs = header.unit === 'epoch_seconds' ? reset * 1000 : reset;
        expect(resetMs).toBeGreaterThan(clock.now());
        waitMs = resetMs - clock.now();
      }
    }
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(60_000);
    clock.advance(waitMs - 1_000);
    expect((await sendScenarioRequest(target(), request)).status).toBe(429);
    clock.advance(1_000);
    expect((await sendScenarioRequest(target(), request)).status).toBe(200);
  });
});
