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

/**
 * The same create sent twice with one key and one body: the second answer is the first one again
 * (same status, same resource, same body) and only one resource exists afterwards. Without a
 * simulator to count resources, the same id in both answers is the evidence.
 */
export const idempotencyReplay: SequenceDefinition = {
  name: 'idempotency_replay',
  uses: ['create'],
  path: 'idempotency_reuse',
  title:
    'Repeating a create with the same idempotency key and body returns the original result and creates nothing new',
  notApplicable: withoutKeys,
  cannotRun: withoutCreate,
  async run(facts, recorder) {
    const idPointer = facts.behaviour?.create?.idPointer ?? '/id';
    const before = resourcesNow(recorder);
    const created = await firstCreate(facts, recorder);
    if (!created) return;
    const { key, answer: first } = created;
    const second = await sendKeyed(facts, recorder, key);
    if (!second) return;
    recorder.expect(
      second.status === first.status,
      'The replay has another status than the original.',
      first.status,
      second.status,
    );
    const [original, replayed] = [parseJson(first.body), parseJson(second.body)];
    const [originalId, replayedId] = [atPointer(original, idPointer), atPointer(replayed, idPointer)];
    if (
      recorder.expect(
        typeof originalId === 'string',
        `The original answer has no id at ${idPointer}.`,
        'a string',
        String(originalId),
      )
    ) {
      recorder.expect(
        replayedId === originalId,
        'The replay names another resource than the original.',
        originalId as string,
        String(replayedId),
      );
    }
    recorder.expect(
      isDeepStrictEqual(original, replayed),
      'The replay’s body is not the original’s.',
      first.body,
      second.body,
    );
    expectCreated(recorder, before, 1, 'The replay created another resource.');
  },
};
