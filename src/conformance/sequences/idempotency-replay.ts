import { isDeepStrictEqual } from 'node:util';
import { parsePointer, readPointer } from '../../normalize/json-pointer.js';
import { normalizeError } from '../../normalize/normalize-error.js';
import { parseJson } from '../assertions.js';
import type { SequenceDefinition } from './definition.js';
import {
  firstCreate,
  keyHeaderSource,
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
 * different one is drift. Where the key's header name is inferred, a vendor that does not read it
 * (a second resource) is drift too.
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
    const [originalId, replayedId] = [original, replayed].map((body) =>
      readPointer(body, parsePointer(idPointer)),
    );
    const after = resourcesNow(recorder);
    const duplicated =
      replayedId !== originalId || (before !== undefined && after !== undefined && after - before > 1);
    const source = duplicated ? await keyReadSource(facts, recorder, key) : 'documented';
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
      recorder.judge(
        replayedId === originalId,
        source,
        'The replay names another resource than the original.',
        String(originalId),
        String(replayedId),
      );
    }
    if (!isDeepStrictEqual(original, replayed))
      recorder.drift('The replay’s body is not the original’s.', first.body, second.body);
    if (before !== undefined && after !== undefined)
      recorder.judge(after - before === 1, source, 'The replay created another resource.', 1, after - before);
    else recorder.note('resources cannot be counted on this target; the answers alone are judged');
  },
};

/**
 * How to judge a duplicate made by a replay. Where the key's header name is the docs', the promise
 * is broken. Where the project inferred it, the vendor may simply not read that name: a reused key
 * with another body tells (refused with the mismatch code: it reads the key, so the duplicate is a
 * broken promise; answered otherwise: the header name is the difference, drift).
 */
async function keyReadSource(
  facts: Parameters<SequenceDefinition['run']>[0],
  recorder: Parameters<SequenceDefinition['run']>[1],
  key: string,
): Promise<'documented' | 'inferred'> {
  if (keyHeaderSource(facts) === 'documented') return 'documented';
  const { mismatch } = facts.policy.idempotency;
  const other = facts.behaviour?.create?.other;
  if (!mismatch || other === undefined) return 'inferred';
  const probe = await sendKeyed(facts, recorder, key, other);
  const reads = probe !== undefined && normalizeError(recorder.vendorId, probe).code === mismatch.code;
  recorder.note(
    reads
      ? `the vendor refuses a reused ${facts.policy.idempotency.header} with another body, so it reads the header`
      : `the vendor does not refuse a reused ${facts.policy.idempotency.header}: it may not read that header name`,
  );
  return reads ? 'documented' : 'inferred';
}
