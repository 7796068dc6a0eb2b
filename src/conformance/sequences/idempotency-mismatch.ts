import { parsePointer, readPointer } from '../../normalize/json-pointer.js';
import { parseJson } from '../assertions.js';
import type { SequenceDefinition } from './definition.js';
import {
  expectCreated,
  expectDocumented,
  firstCreate,
  keyHeaderSource,
  resourcesNow,
  sendKeyed,
  withoutCreate,
  withoutKeys,
} from './idempotency-common.js';
import { isSuccess } from './requests.js';

/**
 * A key used once, then sent again with another body: the vendor refuses the second create with
 * the status and code its policy gives for a mismatched key (or one it also accepts), and it
 * creates nothing. Where the policy accepts a replay as well (the docs promise only that retries
 * of a key are deduplicated), the original result coming back is conforming too.
 */
export const idempotencyMismatch: SequenceDefinition = {
  name: 'idempotency_mismatch',
  uses: ['create', 'other'],
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
    (facts.behaviour?.create?.other === undefined
      ? 'No second body could be derived: the field the mutableField fact names must hold a string, number or boolean in the create operation’s example body.'
      : undefined),
  async run(facts, recorder) {
    const mismatch = facts.policy.idempotency.mismatch;
    if (!mismatch) return;
    recorder.code = mismatch.code;
    const created = await firstCreate(facts, recorder);
    if (!created) return;
    const before = resourcesNow(recorder);
    const reused = await sendKeyed(facts, recorder, created.key, facts.behaviour?.create?.other);
    if (!reused) return;
    const headerSource = keyHeaderSource(facts);
    expectCreated(recorder, before, 0, 'The reused key made a resource all the same.', headerSource);
    const idPointer = facts.behaviour?.create?.idPointer ?? '/id';
    const [original, replayed] = [created.answer, reused].map((answer) =>
      readPointer(parseJson(answer.body), parsePointer(idPointer)),
    );
    const newCreate = isSuccess(reused.status) && replayed !== original;
    if (headerSource === 'inferred' && newCreate) {
      // A new create: the vendor did not read the key under the header name the project chose.
      recorder.drift(
        `The reused key was answered as a new create: the vendor may not read ${facts.policy.idempotency.header} (a header name the docs do not give).`,
        mismatch.status,
        reused.status,
      );
      return;
    }
    if (mismatch.replayAccepted && isSuccess(reused.status)) {
      // A replay: the same resource as the first create, and nothing new (checked above).
      recorder.note('the reused key was answered with a replay, a reading the policy accepts');
      recorder.expect(
        original !== undefined && replayed === original,
        'The reused key was answered with success, but not with the original resource.',
        String(original),
        String(replayed),
      );
      return;
    }
    expectDocumented(recorder, reused, mismatch, 'The reused key');
  },
};
