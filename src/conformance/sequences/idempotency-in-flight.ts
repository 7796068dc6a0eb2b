import type { SequenceDefinition } from './definition.js';
import {
  expectCreated,
  expectDocumented,
  newKey,
  resourcesNow,
  sendKeyed,
  withoutCreate,
  withoutKeys,
} from './idempotency-common.js';
import { isSuccess, routeOf } from './requests.js';

/** How long the first write is held; the target lets it go, so the length only has to outlast the check. */
const HOLD_MS = 30_000;

/**
 * A create held in flight by the simulator, then the same key sent again: the vendor answers with
 * its in-flight status and code (another answer is drift where they are inferred), the repeat
 * creates nothing, and the held create still finishes.
 */
export const idempotencyInFlight: SequenceDefinition = {
  name: 'idempotency_in_flight',
  uses: ['create'],
  path: 'idempotency_reuse',
  title:
    'Reusing an idempotency key while the first write is still running gets the vendor’s in-flight answer',
  notApplicable: (facts) =>
    withoutKeys(facts) ??
    (facts.policy.idempotency.inFlight
      ? undefined
      : 'No answer to a key whose first write is still running is documented.'),
  cannotRun: (facts, target) =>
    withoutCreate(facts) ??
    (target.simulator && target.waitForBackground && target.releaseBackground
      ? undefined
      : 'Needs the simulator to hold a write in flight.'),
  async run(facts, recorder) {
    const inFlight = facts.policy.idempotency.inFlight;
    const create = facts.behaviour?.create?.request;
    const { target, vendorId } = recorder;
    if (!inFlight || !create) return;
    recorder.code = inFlight.code;
    target.simulator?.injectFault(vendorId, {
      route: routeOf(create.path),
      method: create.method,
      delayMs: HOLD_MS,
    });
    const key = newKey();
    const before = resourcesNow(recorder);
    const held = sendKeyed(facts, recorder, key);
    // Never leave a rejection unobserved; it is awaited below.
    held.catch(() => {});
    await target.waitForBackground?.(vendorId);
    recorder.note('the first create is held in flight');
    let repeated: Awaited<typeof held>;
    try {
      repeated = await sendKeyed(facts, recorder, key);
    } finally {
      // The held write must finish before the next check resets the state under it.
      target.releaseBackground?.(vendorId);
      recorder.note('the first create is let go');
    }
    const first = await held;
    if (repeated) expectDocumented(recorder, repeated, inFlight, 'The key still in flight');
    if (first)
      recorder.expect(
        isSuccess(first.status),
        'The held create did not succeed once let go.',
        '2xx',
        first.status,
      );
    // Whatever the answer's status, one key is one write: the repeat must not have made another.
    expectCreated(recorder, before, 1, 'The key still in flight made a second resource.');
  },
};
