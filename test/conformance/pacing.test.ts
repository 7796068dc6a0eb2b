/**
 * A 429 met by a check that is not about rate limits is the vendor's documented limit at work: the
 * check waits what the answer advertises (on the virtual clock here), sends again and is judged on
 * the answer that follows. Played against the independent implementation through the sandbox code
 * path, with the rate limit put in front of it by a send that answers 429 first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checklistFor } from '../../src/conformance/checklist.js';
import { runCheck } from '../../src/conformance/execute.js';
import type { ConformanceTarget } from '../../src/conformance/types.js';
import { parseRunConfig, resolveSandboxConfig } from '../../src/runner/config/sandbox-config.js';
import { createHttpTarget } from '../../src/runner/targets/http-target.js';
import { advancingClock } from '../../src/runner/targets/simulator-side.js';
import { exchange, type HttpSend } from '../../src/scenarios/runner.js';
import { VirtualClock } from '../../src/time/clock.js';
import type { VendorId } from '../../src/vendors/registry.js';
import { sandboxConfig } from '../independent/config.js';
import { type IndependentVendors, startIndependentVendors } from '../independent/index.js';

const FORESIGHT_429 = JSON.stringify({
  error: {
    type: 'rate_limit_error',
    code: 'rate_limit_exceeded',
    message: 'Too many requests.',
    requestId: 'req_01J5KA3XQR9V2W4Y6Z8B0D2F4H',
    docsUrl: 'https://docs.have-foresight.app/guides/errors#rate_limit_exceeded',
  },
});

let started: IndependentVendors | undefined;
afterEach(async () => {
  await started?.close();
  started = undefined;
});

/**
 * The independent vendor on the sandbox code path, on a virtual clock, with `front` deciding per
 * request (numbered from 1) whether a 429 answers instead of the vendor.
 */
async function sandboxWithLimit(
  vendorId: VendorId,
  front: (call: number) => Record<string, string> | undefined,
  limits?: { maxWait: number },
  /** Headers added to the vendor's own answer to a call. */
  decorate: (call: number) => Record<string, string> = () => ({}),
) {
  const clock = new VirtualClock(Date.parse('2026-03-02T09:00:00Z'));
  started = await startIndependentVendors({ vendors: [vendorId], now: () => clock.now() });
  const file = parseRunConfig(JSON.parse(JSON.stringify(sandboxConfig(started.directory))), 'test');
  const target = createHttpTarget({
    vendors: resolveSandboxConfig(file, {}),
    clock: advancingClock(clock),
    ...(limits ? { limits: { maxWaitMs: limits.maxWait * 1000 } } : {}),
  });
  let calls = 0;
  const sent: string[] = [];
  const send: HttpSend = async (url, method, headers, body) => {
    calls += 1;
    sent.push(`${method} ${new URL(url).pathname} @${clock.now()}`);
    const limited = front(calls);
    if (limited)
      return {
        status: 429,
        headers: { 'content-type': 'application/json', ...limited },
        body: FORESIGHT_429,
      };
    const answer = await exchange(url, method, headers, body);
    return { ...answer, headers: { ...answer.headers, ...decorate(calls) } };
  };
  const limited: ConformanceTarget = Object.assign(Object.create(target), { send });
  const timed = { now: () => clock.now(), sleep: (ms: number) => clock.sleep(ms) };
  const run = (id: string) => {
    const check = checklistFor(vendorId).find((candidate) => candidate.id === id);
    if (!check) throw new Error(`no check ${id}`);
    return runCheck(vendorId, limited, check, timed);
  };
  return { clock, run, sent };
}

describe('a 429 met by a check that is not about rate limits', () => {
  it('is waited out as advertised, the request sent again, and the check judged on what follows', async () => {
    const { clock, run, sent } = await sandboxWithLimit('foresight', (call) =>
      call === 1 ? { 'retry-after': '2' } : undefined,
    );
    const before = clock.now();
    const result = await run('code.invalid_uuid_format');
    expect(result.failures).toEqual([]);
    expect(result.outcome).toMatch(/^(pass|drift)$/);
    expect(result.simulatedWaitMs).toBe(2000);
    expect(result.requests).toBe(2);
    expect(result.reason).toMatch(/Retry-After|retry-after/);
    expect(result.timeline).toEqual([expect.objectContaining({ kind: 'wait', durationMs: 2000 })]);
    // The resend went out only once the advertised time had passed.
    expect(sent).toHaveLength(2);
    expect(Number(sent[1]?.split('@')[1]) - before).toBeGreaterThanOrEqual(2000);
  });

  it('ends the check as not verified, never failed, when the wait is above --max-wait', async () => {
    const { run, sent } = await sandboxWithLimit('foresight', () => ({ 'retry-after': '600' }), {
      maxWait: 65,
    });
    const result = await run('code.invalid_uuid_format');
    expect(result.outcome).toBe('skipped');
    expect(result.failures).toEqual([]);
    expect(result.reason).toMatch(/^Not verified: .*600 s.*--max-wait/);
    expect(sent).toHaveLength(1);
  });

  it('stops resending after a bounded number of 429s in a row', async () => {
    const { run, sent } = await sandboxWithLimit('foresight', () => ({ 'retry-after': '1' }));
    const result = await run('code.invalid_uuid_format');
    expect(result.outcome).toBe('skipped');
    expect(result.reason).toMatch(/^Not verified: .*4 times in a row/);
    expect(sent).toHaveLength(4);
  });

  it('is waited out inside a behavioural sequence too, on its timeline', async () => {
    const { run } = await sandboxWithLimit('foresight', (call) =>
      call === 2 ? { 'retry-after': '3' } : undefined,
    );
    const result = await run('sequence.idempotency_replay');
    expect(result.failures).toEqual([]);
    expect(result.outcome).toMatch(/^(pass|drift)$/);
    expect(result.simulatedWaitMs).toBe(3000);
    expect(result.timeline?.filter((event) => event.kind === 'wait')).toEqual([
      expect.objectContaining({ durationMs: 3000 }),
    ]);
  });

  it('holds a key’s next request until the window resets when an answer says none are left', async () => {
    // The first answer says the key's quota is used up for 5 s (the IETF RateLimit field).
    const { clock, run, sent } = await sandboxWithLimit(
      'foresight',
      () => undefined,
      undefined,
      (call) => (call === 1 ? { ratelimit: '"default";r=0;t=5' } : {}),
    );
    const first = await run('code.invalid_uuid_format');
    expect(first.simulatedWaitMs).toBe(0);
    const startedAt = clock.now();
    const second = await run('code.resource_not_found');
    expect(second.failures).toEqual([]);
    expect(second.simulatedWaitMs).toBe(5000);
    expect(second.reason).toMatch(/window resets/);
    expect(Number(sent[1]?.split('@')[1]) - startedAt).toBeGreaterThanOrEqual(5000);
  });

  it('is not applied to the rate-limit sequence, which provokes the 429 itself', async () => {
    const { run } = await sandboxWithLimit('foresight', () => undefined);
    const result = await run('sequence.rate_limit_wait');
    expect(result.failures).toEqual([]);
    expect(result.timeline?.filter((event) => event.kind === 'wait')).toHaveLength(1);
  });
});
