import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSequenceChecks, sequenceChecksFor } from '../src/conformance/sequences/index.js';
import { routeOf } from '../src/conformance/sequences/requests.js';
import type { ConformanceTarget } from '../src/conformance/types.js';
import { getVendor, vendorIds } from '../src/index.js';
import { behaviourFor } from '../src/scenarios/index.js';
import { resolveRequest } from '../src/scenarios/resolve.js';
import type { SimulatorVariant } from '../src/simulator/index.js';
import { suiteSimulator } from './simulator-target.js';

type Drift = NonNullable<SimulatorVariant['ignoreIdempotencyKeys']>;

/** The vendors whose docs promise idempotency keys: the only ones this drift can show on. */
const keyed = vendorIds.filter((id) => getVendor(id).policy.idempotency.supported);

/**
 * The checks each drift must fail: a replay that runs again breaks only the replay promise; a key
 * not looked at at all breaks every idempotency promise the vendor makes.
 */
const expectedFailures: Record<Drift, (vendorId: (typeof keyed)[number]) => string[]> = {
  replay: () => ['sequence.idempotency_replay'],
  all: (vendorId) =>
    sequenceChecksFor(vendorId)
      .filter((check) => check.kind === 'sequence' && check.path === 'idempotency_reuse')
      .map((check) => check.id),
};

/** A simulator that keeps every promise, for drift played by the target instead. */
const plain = suiteSimulator();
const simulators = {
  replay: suiteSimulator({ variant: { ignoreIdempotencyKeys: 'replay' } }),
  all: suiteSimulator({ variant: { ignoreIdempotencyKeys: 'all' } }),
};

beforeAll(async () => {
  await Promise.all([plain, ...Object.values(simulators)].map((simulator) => simulator.start()));
});

afterAll(async () => {
  await Promise.all([plain, ...Object.values(simulators)].map((simulator) => simulator.close()));
});

describe('the sequences catch a simulator that does not honour idempotency keys', () => {
  it('have vendors that document idempotency keys to show it on', () => {
    expect(keyed.length).toBeGreaterThanOrEqual(3);
  });

  it.each(
    keyed.flatMap((vendorId) => (['replay', 'all'] as const).map((drift) => [vendorId, drift] as const)),
  )(
    '%s with keys ignored (%s): the matching checks fail (drift where the header name is inferred) and every other one still passes',
    async (vendorId, drift) => {
      // Where the docs do not name the key's header, a vendor that ignores the project's choice of
      // name altogether is drift with the reading expected; one that reads the key (it refuses a
      // reused key with another body) but replays by creating again breaks the promise anyway.
      const inferred = getVendor(vendorId).policy.idempotency.headerSource === 'inferred' && drift === 'all';
      const results = await runSequenceChecks(vendorId, simulators[drift].target);
      const differing = results
        .filter((result) => result.outcome === (inferred ? 'drift' : 'fail'))
        .map((result) => result.id);
      expect(differing).toEqual(expectedFailures[drift](vendorId));
      const messages = results.flatMap((result) => result.failures.map((failure) => failure.message));
      expect(messages.filter((message) => message.startsWith('No answer'))).toEqual([]);
      const others = results.filter((result) => !differing.includes(result.id));
      expect(others.every((result) => ['pass', 'not_applicable'].includes(result.outcome))).toBe(true);
      const replay = results.find((result) => result.id === 'sequence.idempotency_replay');
      const notes = inferred
        ? (replay?.drift ?? []).map((note) =>
            note.message.replace(/ \(an inferred reading, not a promise\)$/, ''),
          )
        : (replay?.failures ?? []).map((failure) => failure.message);
      expect(notes).toEqual(
        expect.arrayContaining([
          'The replay names another resource than the original.',
          'The replay created another resource.',
        ]),
      );
    },
  );
});

describe('the sequences catch a server error that does not clear', () => {
  it.each(vendorIds)('%s: the recovery check fails and no other does', async (vendorId) => {
    const { target, sim } = plain;
    const read = resolveRequest(target.credentials(vendorId), behaviourFor(vendorId).read);
    const stuck: ConformanceTarget = {
      ...target,
      // The drifted vendor: the read that should recover after two failures keeps failing.
      beforeCheck: async (id, check) => {
        await target.beforeCheck?.(id, check);
        if (check.id === 'sequence.server_retry_recovers') {
          sim().faults.inject(id, {
            route: routeOf(read.path),
            method: read.method,
            status: 503,
            count: 100,
          });
        }
      },
    };
    const results = await runSequenceChecks(vendorId, stuck);
    const failed = results.filter((result) => result.outcome === 'fail');
    expect(failed.map((result) => result.id)).toEqual(['sequence.server_retry_recovers']);
    expect(failed[0]?.failures.map((failure) => failure.message)).toContain(
      'The client gave up although the read would have succeeded.',
    );
  });
});
