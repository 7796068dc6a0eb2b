import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSequenceChecks } from '../src/conformance/sequences/index.js';
import type { ConformanceTarget } from '../src/conformance/types.js';
import { getVendor, type VendorId, vendorIds } from '../src/index.js';
import { exchange, type HttpSend } from '../src/scenarios/runner.js';
import { suiteSimulator } from './simulator-target.js';

/**
 * Honest vendors that read their docs otherwise than the simulator, played by rewriting the
 * simulator's traffic on the way: none may fail a behavioural check, while the checks still fail
 * what the docs do promise.
 */
const simulator = suiteSimulator();

beforeAll(() => simulator.start());
afterAll(() => simulator.close());

const through = (send: HttpSend): ConformanceTarget => ({ ...simulator.target, send });
const outcomes = async (vendorId: VendorId, target: ConformanceTarget) =>
  Object.fromEntries((await runSequenceChecks(vendorId, target)).map((result) => [result.id, result]));

const limited = vendorIds.filter((vendorId) => getVendor(vendorId).policy.rateLimit.documented);
const keyed = vendorIds.filter((vendorId) => getVendor(vendorId).policy.idempotency.supported);

/** Rewrites the wait a 429 advertises: every wait header says `extraSeconds` more than the truth. */
const overstating =
  (extraSeconds: number): HttpSend =>
  async (url, method, headers, body) => {
    const answer = await exchange(url, method, headers, body);
    if (answer.status !== 429) return answer;
    const rewritten = Object.fromEntries(
      Object.entries(answer.headers).map(([name, value]) =>
        ['retry-after', 'x-ratelimit-reset'].includes(name) && /^\d+$/.test(value)
          ? [name, String(Number(value) + extraSeconds)]
          : [name, value],
      ),
    );
    return { ...answer, headers: rewritten };
  };

/**
 * A vendor that answers a key reused with another body by replaying the original result: the
 * second body is swapped for the first before it reaches the simulator, which then replays.
 */
const replayingReusedKeys = (): HttpSend => {
  const firstBodies = new Map<string, Parameters<HttpSend>[3]>();
  return (url, method, headers, body) => {
    const key = Object.entries(headers).find(([name]) => name.toLowerCase() === 'idempotency-key')?.[1];
    if (key === undefined) return exchange(url, method, headers, body);
    if (!firstBodies.has(key)) firstBodies.set(key, body);
    return exchange(url, method, headers, firstBodies.get(key));
  };
};

/** A vendor whose replay answers 200 where the first create got 201, with a fresh request id. */
const replayingAsOk = (): HttpSend => {
  const seen = new Set<string>();
  return async (url, method, headers, body) => {
    const answer = await exchange(url, method, headers, body);
    const key = Object.entries(headers).find(([name]) => name.toLowerCase() === 'idempotency-key')?.[1];
    if (key === undefined || answer.status >= 300) return answer;
    if (!seen.has(key)) {
      seen.add(key);
      return answer;
    }
    const parsed = JSON.parse(answer.body) as Record<string, unknown>;
    return { ...answer, status: 200, body: JSON.stringify({ ...parsed, replayedAt: 'now' }) };
  };
};

/** A vendor that reads no key under the header name the policy gives: the header is dropped on the way. */
const ignoringKeyHeader =
  (header: string): HttpSend =>
  (url, method, headers, body) =>
    exchange(
      url,
      method,
      Object.fromEntries(
        Object.entries(headers).filter(([name]) => name.toLowerCase() !== header.toLowerCase()),
      ),
      body,
    );

describe('behavioural checks against honest readings of the docs', () => {
  it.each(keyed)(
    '%s: a vendor that does not read the key header is drift where the header name is inferred, a failure where documented',
    async (vendorId) => {
      const { idempotency } = getVendor(vendorId).policy;
      const results = await outcomes(vendorId, through(ignoringKeyHeader(idempotency.header ?? '')));
      const expected = idempotency.headerSource === 'inferred' ? 'drift' : 'fail';
      expect(results['sequence.idempotency_replay']?.outcome).toBe(expected);
      expect(results['sequence.idempotency_mismatch']?.outcome).toBe(expected);
    },
  );

  it('has a vendor whose idempotency header name is inferred', () => {
    expect(keyed.some((vendorId) => getVendor(vendorId).policy.idempotency.headerSource === 'inferred')).toBe(
      true,
    );
  });

  it.each(limited)(
    '%s: a limit that lifts before the advertised time passes the wait check',
    async (vendorId) => {
      // The simulator's window ends 20 s before the header says: a token bucket that lifts early.
      const results = await outcomes(vendorId, through(overstating(20)));
      expect(results['sequence.rate_limit_wait']?.outcome).toBe('pass');
    },
  );

  it.each(keyed)('%s: a reused key answered with a replay is judged by the policy', async (vendorId) => {
    const results = await outcomes(vendorId, through(replayingReusedKeys()));
    const mismatch = results['sequence.idempotency_mismatch'];
    const rules = getVendor(vendorId).policy.idempotency.mismatch;
    if (rules?.replayAccepted) expect(mismatch?.outcome).toBe('pass');
    else if (rules?.source === 'documented') expect(mismatch?.outcome).toBe('fail');
    else expect(mismatch?.outcome).toBe('drift');
    // Nothing was created twice, whatever the answer.
    expect(mismatch?.failures.map((failure) => failure.message)).not.toContain(
      'The reused key made a resource all the same.',
    );
  });

  it('has a vendor where a replayed reused key passes and one where the docs make it a failure', () => {
    const answers = keyed.map((vendorId) => getVendor(vendorId).policy.idempotency.mismatch);
    expect(answers.some((rules) => rules?.replayAccepted)).toBe(true);
    expect(answers.some((rules) => rules?.source === 'documented')).toBe(true);
  });

  it.each(keyed)(
    '%s: a replay with another success status and body creates nothing new, so it is never a failure unless the docs promise the status',
    async (vendorId) => {
      const results = await outcomes(vendorId, through(replayingAsOk()));
      const replay = results['sequence.idempotency_replay'];
      const documented = getVendor(vendorId).policy.idempotency.replaySource === 'documented';
      expect(replay?.outcome).toBe(documented ? 'fail' : 'drift');
      expect(replay?.drift.map((note) => note.message)).toContain('The replay’s body is not the original’s.');
      expect(replay?.failures.map((failure) => failure.message) ?? []).toEqual(
        documented ? ['The replay has another status than the original.'] : [],
      );
    },
  );
});
