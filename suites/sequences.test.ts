import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceTarget } from '../src/conformance/index.js';
import { runSequenceChecks, sequenceChecksFor } from '../src/conformance/sequences/index.js';
import { type VendorId, vendorIds } from '../src/index.js';
import type { CheckResult } from '../src/report/result.js';
import { validateRunResult } from '../src/report/validate-result.js';
import { watchRealTimers } from '../test/helpers/real-timers.js';
import { localRunResult } from './local-run-result.js';
import { suiteSimulator } from './simulator-target.js';

/** The issue's floor for the waiting the sequences verify on the virtual clock. */
const MIN_SIMULATED_WAIT_MS = 60_000;

const { sim, target, start, close, clock } = suiteSimulator();
const results = new Map<VendorId, CheckResult[]>();
let wallMs = 0;
/** How far the virtual clock moved while the sequences ran. */
let clockMovedMs = 0;
/** Every real timer armed while a sequence waited, with the length of that wait. */
const realTimersInWaits: { waitMs: number; delayMs: number }[] = [];
const startedAt = new Date();

// Every vendor's sequences run once, in order, before the tests read their results one by one.
beforeAll(async () => {
  await start();
  const started = performance.now();
  const clockStartedAt = clock.now();
  // Each wait is watched while it lasts: a wait slept through for real would arm a timer of its
  // length, whatever else (request timeouts, keep-alive) the run arms meanwhile.
  const watched: ConformanceTarget = {
    ...target,
    wait: async (ms, label) => {
      const timers = watchRealTimers();
      try {
        await target.wait(ms, label);
      } finally {
        for (const delay of timers.stop()) realTimersInWaits.push({ waitMs: ms, delayMs: delay });
      }
    },
  };
  for (const vendorId of vendorIds) results.set(vendorId, await runSequenceChecks(vendorId, watched));
  clockMovedMs = clock.now() - clockStartedAt;
  wallMs = performance.now() - started;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const totals = vendorIds.map(
    (id) =>
      `${id} ${seconds(waitedMs(id))} (retry ${seconds(waitedMs(id, 'server_retry'))}, rate limit ${seconds(waitedMs(id, 'rate_limit'))}, credential expiry ${seconds(waitedMs(id, 'unauthenticated'))})`,
  );
  console.info(
    `Simulated waiting verified by the sequences, wall time ${wallMs.toFixed(0)} ms:\n  ${totals.join('\n  ')}`,
  );
});

afterAll(async () => {
  await close();
});

const waitedMs = (vendorId: VendorId, path?: string) =>
  (results.get(vendorId) ?? [])
    .filter((result) => path === undefined || result.path === path)
    .reduce((sum, result) => sum + result.simulatedWaitMs, 0);

function resultOf(vendorId: VendorId, id: string): CheckResult {
  const result = results.get(vendorId)?.find((candidate) => candidate.id === id);
  if (!result) throw new Error(`No result for ${id}.`);
  return result;
}

describe.each(vendorIds)('the %s sequences against the local simulator', (vendorId) => {
  it.each(sequenceChecksFor(vendorId).map((check) => [check.id, check.kind] as const))(
    '%s passes, or says why it does not apply',
    (id, kind) => {
      const result = resultOf(vendorId, id);
      if (kind === 'not_applicable') {
        expect(result.outcome).toBe('not_applicable');
        expect(result.reason?.length).toBeGreaterThan(0);
        expect(result.requests).toBe(0);
        return;
      }
      expect(result.failures).toEqual([]);
      expect(result.outcome).toBe('pass');
      expect(result.requests).toBeGreaterThan(1);
      expect(result.exchanges.filter((exchange) => !exchange.response)).toEqual([]);
      expect(result.timeline?.some((event) => event.kind === 'request')).toBe(true);
    },
  );

  it('keeps every credential out of its results', () => {
    const text = JSON.stringify(results.get(vendorId));
    const { roles } = sim().credentials(vendorId);
    const secrets = Object.values(roles).flatMap((credential) =>
      credential?.kind === 'header' ? [credential.value] : credential ? [credential.clientSecret] : [],
    );
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/crv_at_|sess_[0-9a-f]{24}/);
  });
});

describe('the sequences as a whole', () => {
  it('verify at least 60 s of waiting in retry schedules and rate-limit windows alone', () => {
    const retryAndRate = vendorIds.reduce(
      (sum, id) => sum + waitedMs(id, 'server_retry') + waitedMs(id, 'rate_limit'),
      0,
    );
    expect(retryAndRate).toBeGreaterThanOrEqual(MIN_SIMULATED_WAIT_MS);
    expect(vendorIds.reduce((sum, id) => sum + waitedMs(id), 0)).toBeGreaterThanOrEqual(retryAndRate);
  });

  it('wait on the virtual clock: it moves on by every verified wait, and no real timer that long is armed', () => {
    // Deterministic where a wall-time bound would flake on a loaded machine: a sequence that slept
    // for real would arm a timer of the wait's length.
    const waits = vendorIds
      .flatMap((id) => results.get(id) ?? [])
      .flatMap((result) => (result.timeline ?? []).filter((event) => event.kind === 'wait'))
      .map((event) => event.durationMs);
    expect(waits.length).toBeGreaterThan(10);
    expect(clockMovedMs).toBeGreaterThanOrEqual(waits.reduce((sum, duration) => sum + duration, 0));
    expect(realTimersInWaits.filter((timer) => timer.delayMs >= timer.waitMs)).toEqual([]);
  });

  it('record timelines on the target’s clock: each wait moves the next request on by its length', () => {
    for (const result of vendorIds.flatMap((id) => results.get(id) ?? [])) {
      const timeline = result.timeline ?? [];
      timeline.forEach((event, index) => {
        if (event.kind !== 'wait') return;
        const next = timeline.slice(index + 1).find((later) => later.kind === 'request');
        expect(next?.atMs).toBeGreaterThanOrEqual(event.atMs + event.durationMs);
      });
    }
  });

  it('produce results that validate against the published run-result schema', () => {
    const validation = validateRunResult(localRunResult(results, (id) => sim().url(id), startedAt));
    expect(validation.valid ? [] : validation.issues).toEqual([]);
  });
});

describe('the sequences on a target without the simulator’s hooks, as a sandbox would be', () => {
  const sandboxLike = () => {
    const { simulator: _hooks, waitForBackground: _wait, releaseBackground: _release, ...rest } = target;
    return rest;
  };

  it.each(vendorIds)(
    '%s: fault-driven sequences are skipped with a reason and a replay is judged by its answers',
    async (vendorId) => {
      const bare = await runSequenceChecks(vendorId, sandboxLike());
      for (const result of bare.filter((candidate) => candidate.path === 'server_retry')) {
        expect(result.outcome).toBe('skipped');
        expect(result.reason).toBe('Needs the simulator’s fault injection.');
        expect(result.requests).toBe(0);
      }
      const inFlight = bare.find((result) => result.id === 'sequence.idempotency_in_flight');
      expect(['skipped', 'not_applicable']).toContain(inFlight?.outcome);
      const replay = bare.find((result) => result.id === 'sequence.idempotency_replay');
      if (replay?.outcome !== 'not_applicable') {
        expect(replay?.outcome).toBe('pass');
        expect(replay?.timeline?.map((event) => event.label)).toContain(
          'resources cannot be counted on this target; the answers alone are judged',
        );
      }
      for (const result of bare.filter((candidate) => candidate.outcome === 'skipped')) {
        expect(result.reason?.length).toBeGreaterThan(0);
      }
      expect(bare.filter((result) => result.outcome === 'fail')).toEqual([]);
    },
  );
});
