import { describe, expect, it } from 'vitest';
import { jsonAnswer } from './kit/answer.js';
import { createVirtualClock } from './kit/clock.js';
import { answerFirstRequest, createIdempotencyStore } from './kit/idempotency.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('dialect B idempotency store', () => {
  it('replays within the window, refuses another body, and forgets after the window', async () => {
    const clock = createVirtualClock();
    const store = createIdempotencyStore({ windowMs: DAY_MS, now: clock.now });
    const first = store.begin('user-1', 'key-1', 'body-a');
    if (first.kind !== 'fresh') throw new Error(`expected fresh, got ${first.kind}`);
    expect(store.begin('user-1', 'key-1', 'body-a').kind).toBe('inFlight');
    await answerFirstRequest(first, () => jsonAnswer(201, { id: 7 }));
    const replay = store.begin('user-1', 'key-1', 'body-a');
    expect(replay.kind === 'replay' ? replay.answer.body : replay.kind).toBe('{"id":7}');
    expect(store.begin('user-1', 'key-1', 'body-b').kind).toBe('mismatch');
    expect(store.begin('user-2', 'key-1', 'body-b').kind).toBe('fresh');
    clock.advance(DAY_MS - 1);
    expect(store.begin('user-1', 'key-1', 'body-a').kind).toBe('replay');
    clock.advance(1);
    expect(store.begin('user-1', 'key-1', 'body-a').kind).toBe('fresh');
  });

  it('frees the key when the first request fails on the vendor side or throws', async () => {
    const store = createIdempotencyStore({ windowMs: DAY_MS, now: createVirtualClock().now });
    const failed = store.begin('user', 'key-5xx', 'body');
    if (failed.kind !== 'fresh') throw new Error('expected fresh');
    await answerFirstRequest(failed, () => jsonAnswer(503, {}));
    expect(store.begin('user', 'key-5xx', 'body').kind).toBe('fresh');
    const thrown = store.begin('user', 'key-throw', 'body');
    if (thrown.kind !== 'fresh') throw new Error('expected fresh');
    await expect(
      answerFirstRequest(thrown, () => {
        throw new Error('handler broke');
      }),
    ).rejects.toThrow('handler broke');
    expect(store.begin('user', 'key-throw', 'body').kind).toBe('fresh');
  });

  it('wakes a held first request when a second one meets its key in flight', async () => {
    const store = createIdempotencyStore({ windowMs: DAY_MS, now: createVirtualClock().now });
    expect(store.begin('user', 'key', 'body').kind).toBe('fresh');
    let woken = false;
    const held = store.contended('user', 'key', 60_000).then(() => {
      woken = true;
    });
    await Promise.resolve();
    expect(woken).toBe(false);
    expect(store.begin('user', 'key', 'body').kind).toBe('inFlight');
    await held;
    expect(woken).toBe(true);
  });
});
