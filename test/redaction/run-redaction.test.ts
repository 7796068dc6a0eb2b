/**
 * A run's result is redacted again as a whole after each check was redacted as it was recorded. A
 * check whose own secrets already cover the run's is taken as it is (report/redact.ts); these
 * tests compare that with redacting every check afresh, on a whole run against the simulator.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { redactRunResult } from '../../src/report/redact.js';
import type { RunResult } from '../../src/report/result.js';
import { simulatedRunResult } from '../helpers/simulated-run.js';

describe('redacting a run whose checks were redacted as they were recorded', () => {
  let result: RunResult;

  beforeAll(async () => {
    result = await simulatedRunResult();
  }, 60_000);

  it('gives the result that redacting every check afresh gives, taking the recorded checks as they are', () => {
    const fast = redactRunResult(result);
    // A structured clone is not a check this module made, so every check of it is redacted afresh.
    const afresh = redactRunResult(structuredClone(result));
    expect(JSON.stringify(fast)).toBe(JSON.stringify(afresh));
    const recorded = result.vendors.flatMap((vendor) => vendor.checks);
    const taken = fast.vendors.flatMap((vendor) => vendor.checks);
    expect(taken.length).toBeGreaterThan(100);
    // Every check that sent something was recorded redacted; the not-applicable ones never were.
    const sent = taken.filter((check) => check.exchanges.length > 0);
    expect(sent.length).toBeGreaterThan(100);
    expect(sent.every((check) => check === recorded[taken.indexOf(check)])).toBe(true);
  });

  it('still blanks a secret the recorded checks were not redacted with', () => {
    const exchangesOf = (run: RunResult) =>
      JSON.stringify(run.vendors.flatMap((vendor) => vendor.checks.flatMap((check) => check.exchanges)));
    // A request id a vendor answered with stands in for a secret learnt after the checks ran.
    const late = exchangesOf(result).match(/req_[A-Za-z0-9]{8,}/)?.[0];
    expect(late).toBeDefined();
    expect(exchangesOf(result)).toContain(late);
    expect(exchangesOf(redactRunResult(result, [late as string]))).not.toContain(late);
  });

  it('keeps a recorded check closed, so nothing unredacted can be added to one the run then takes as it is', () => {
    const check = result.vendors.flatMap((vendor) => vendor.checks).find((each) => each.exchanges.length > 0);
    expect(check).toBeDefined();
    const recorded = check as (typeof result.vendors)[number]['checks'][number];
    const sentinel = 'Bearer sk_live_SENTINEL_pushed_1234';
    expect(() => (recorded.failures as unknown[]).push({ message: sentinel })).toThrow(TypeError);
    const exchange = recorded.exchanges[0] as unknown as Record<string, unknown>;
    expect(() => {
      exchange.url = `https://user:${sentinel}@example.invalid/`;
    }).toThrow(TypeError);
    expect(JSON.stringify(redactRunResult(result))).not.toContain('SENTINEL_pushed');
  });
});
