import type { SequenceDefinition } from './definition.js';
import {
  expectCreated,
  expectDocumented,
  firstCreate,
  resourcesNow,
  sendKeyed,
  withoutCreate,
  withoutKeys,
} from './idempotency-common.js';

/**
 * A key used once, then sent again with another body: the vendor refuses the second create with
 * the status and code its policy gives for a mismatched key, and it creates nothing.
 */
export const idempotencyMismatch: SequenceDefinition = {
  name: 'idempotency_mismatch',
  uses: ['create'],
  path: 'idempotency_reuse',
  title:
    'Reusing an idempotency key with a different body is refused with the vendor’s conflict and creates nothing',
  notApplicable: (facts) =>
    withoutKeys(facts) ??
    (facts.policy.idempotency.mismatch
      ? undefined
      : 'No answer to a key reused with another body is documented.'),
  cannotRun: (facts) =>
    withoutCreate(facts) ??
    (facts.behaviour?.create?.otherJson === undefined ? 'No second body is given.' : undefined),
  async run(facts, recorder) {
    const mismatch = facts.policy.idempotency.mismatch;
    if (!mismatch) return;
    recorder.code = mismatch.code;
    const created = await firstCreate(facts, recorder);
    if (!created) return;
    const before = resourcesNow(recorder);
    const reused = await sendKeyed(facts, recorder, created.key, facts.behaviour?.create?.otherJson);
    if (!reused) return;
    expectDocumented(recorder, reused, mismatch, 'The reused key');
    expectCreated(recorder, before, 0, 'The refused create made a resource all the same.');
  },
};
