import { isDeepStrictEqual } from 'node:util';
import { atPointer, parseJson } from '../assertions.js';
import type { SequenceDefinition } from './definition.js';
import {
  expectCreated,
  firstCreate,
  resourcesNow,
  sendKeyed,
  withoutCreate,
  withoutKeys,
} from './idempotency-common.js';
import { isSuccess } from './requests.js';

/**
 * The same create sent twice with one key and one body: nothing new is created and the second
 * answer names the same resource. Without a simulator to count resources, the same id in both
 * answers is the evidence. The same status is demanded only where the docs say a replay returns
 * the original result; an identical body never is (a fresh request id or time may differ), so a
 * different one is drift.
 */
export const idempotencyReplay: SequenceDefinition = {
  name: 'idempotency_replay',
  uses: ['create'],
  path: 'idempotency_reuse',
  title:
    'Repeating a create with the same idempotency key and body creates nothing new and returns the same resource',
  notApplicable: withoutKeys,
  cannotRun: withoutCreate,
  async run(facts, recorder) {
    const idPointer = facts.behaviour?.create?.idPointer ?? '/id';
    const replaySource = facts.policy.idempotency.replaySource ?? 'inferred';
    const before = resourcesNow(recorder);
    const created = await firstCreate(facts, recorder);
    if (!created) return;
    const { key, answer: first } = created;
    const second = await sendKeyed(facts, recorder, key);
    if (!second) return;
    if (!recorder.expect(isSuccess(second.status), 'The replay did not succeed.', '2xx', second.status))
      return;
    recorder.judge(
      second.status === first.status,
      replaySource,
      'The replay has another status than the original.',
      first.status,
      second.status,
    );
    const [original, replayed] = [parseJson(first.body), parseJson(second.body)];
    const [originalId, replayedId] = [atPointer(original, idPointer), atPointer(replayed, idPointer)];
    // An id may be any JSON scalar (integer ids too); an object or nothing names no resource.
    const scalar = ['string', 'number', 'boolean'].includes(typeof originalId);
    if (
      recorder.expect(
        scalar,
        `The original answer has no id at ${idPointer}.`,
        'a JSON scalar',
        JSON.stringify(originalId) ?? 'nothing',
      )
    ) {
      recorder.expect(
        replayedId === originalId,
        'The replay names another resource than the original.',
        String(originalId),
        String(replayedId),
      );
    }
    if (!isDeepStrictEqual(original, replayed))
      recorder.drift('The replay’s body is not the original’s.', first.body, second.body);
    expectCreated(recorder, before, 1, 'The replay created another resource.');
  },
};
