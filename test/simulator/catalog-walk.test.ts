import { describe, expect, it } from 'vitest';
import { getVendor, validateError, vendorIds } from '../../src/index.js';
import { runScenario, scenariosFor, statusScenariosFor, VirtualClock } from '../../src/simulator/index.js';
import { codeOf, eventually, parseJson, requestIdProblem, useSimulator } from './helpers.js';

const clock = new VirtualClock();
const sim = useSimulator({ clock });

const target = (vendorId: (typeof vendorIds)[number]) => ({
  baseUrl: sim().url(vendorId),
  credentials: sim().credentials(vendorId),
  waitForBackground: () => eventually(() => sim().stats(vendorId).idempotencyInFlight > 0),
});

describe.each(vendorIds)('the %s catalog walk', (vendorId) => {
  const vendor = getVendor(vendorId);

  it('has a scenario for every catalog code and none for codes outside it', () => {
    const scenarioCodes = scenariosFor(vendorId)
      .map((s) => s.code)
      .sort();
    expect(scenarioCodes).toEqual(vendor.catalog.map((e) => e.code).sort());
  });

  it.each(scenariosFor(vendorId).map((s) => [s.code, s.how, s] as const))(
    'produces %s (%s) with the catalog status and a valid body',
    async (code, _how, scenario) => {
      sim().reset(vendorId);
      const entry = vendor.catalog.find((e) => e.code === code);
      const { response, background } = await runScenario(target(vendorId), scenario);
      const body = parseJson(response.body);

      expect(response.status).toBe(entry?.status);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(codeOf(vendorId, body)).toBe(code);
      expect(validateError(vendorId, body, { schema: (scenario.schema ?? 'envelope') as never }).valid).toBe(
        true,
      );
      if (scenario.schema === undefined) expect(requestIdProblem(vendorId, body)).toBeUndefined();
      for (const header of entry?.headers ?? []) expect(response.headers[header.toLowerCase()]).toBeDefined();

      if (background) {
        clock.advance(60_000);
        expect((await background).status).toBe(201);
      }
    },
  );
});

describe('ClaimRev API statuses without codes', () => {
  it.each(statusScenariosFor('claimrev').map((s) => [s.status, s.title, s] as const))(
    'answers %i for %s, in a body the (permissive) schema accepts',
    async (status, _title, scenario) => {
      sim().reset('claimrev');
      const { response } = await runScenario(target('claimrev'), scenario);
      expect(response.status).toBe(status);
      expect(validateError('claimrev', response.body).valid).toBe(true);
    },
  );

  it('uses several body shapes, non-JSON among them', async () => {
    const kinds = new Set<string>();
    for (const scenario of statusScenariosFor('claimrev')) {
      sim().reset('claimrev');
      const { response } = await runScenario(target('claimrev'), scenario);
      const body = parseJson(response.body);
      kinds.add(
        body === undefined
          ? `text:${response.headers['content-type']?.split(';')[0]}`
          : Object.keys(body as object)
              .sort()
              .join(','),
      );
    }
    expect(kinds.size).toBeGreaterThanOrEqual(4);
    expect([...kinds].some((k) => k.startsWith('text:'))).toBe(true);
  });
});
