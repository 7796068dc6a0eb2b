import { setTimeout as realSetTimeout } from 'node:timers';
import { describe, expect, it } from 'vitest';
import { VirtualTime, VirtualTimeLimitError } from '../../src/client-check/virtual-time.js';
import { seededRandom } from '../../src/retry/seeded-random.js';
import { watchRealTimers } from '../helpers/real-timers.js';

const START = Date.UTC(2026, 0, 1);
const LIMITS = { maxVirtualMs: 3_600_000, maxAdvances: 100, maxStallMs: 200 };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` with the virtual time installed, restoring the globals afterwards. */
async function onVirtualTime<T>(time: VirtualTime, work: () => Promise<T>, limits = LIMITS): Promise<T> {
  const restore = time.install();
  try {
    return await time.drive(work, limits);
  } finally {
    restore();
  }
}

describe('VirtualTime', () => {
  it('fires timers in order of their deadlines, with Date.now reading the virtual clock', async () => {
    const time = new VirtualTime(START);
    const fired: Array<[string, number]> = [];
    await onVirtualTime(time, async () => {
      await Promise.all([
        sleep(3000).then(() => fired.push(['3 s', Date.now() - START])),
        sleep(1000).then(() => fired.push(['1 s', Date.now() - START])),
        sleep(2000).then(() => fired.push(['2 s', Date.now() - START])),
      ]);
    });
    expect(fired).toEqual([
      ['1 s', 1000],
      ['2 s', 2000],
      ['3 s', 3000],
    ]);
  });

  it('does not move the clock while real work the check started is under way, however long it takes', async () => {
    // A reply delivered on a real timer (as nock delivers one) races a 10 s virtual timeout (as
    // ky sets one). The real work is counted, not timed: the reply wins even when it takes longer
    // than any quiet period a timing rule would wait for.
    const time = new VirtualTime(START);
    const winner = await onVirtualTime(
      time,
      () =>
        Promise.race([
          new Promise<string>((resolve) => realSetTimeout(() => resolve('reply'), 120)),
          sleep(10_000).then(() => 'timeout'),
        ]),
      { ...LIMITS, maxStallMs: 2_000 },
    );
    expect(winner).toBe('reply');
    expect(Date.now()).not.toBe(START + 10_000);
  });

  it('is not held up by real timers of code outside the check', async () => {
    const time = new VirtualTime(START);
    // As long as a real timer can be: a drive held up by it would never finish, so the test would
    // time out, and no wall-clock bound is needed to tell.
    let outsideFired = false;
    const outside = realSetTimeout(
      () => {
        outsideFired = true;
      },
      2 ** 31 - 1,
    );
    try {
      await onVirtualTime(time, () => sleep(60_000));
      expect(time.now() - START).toBe(60_000);
      expect(outsideFired).toBe(false);
    } finally {
      clearTimeout(outside);
    }
  });

  it('lets a minute of sleeping pass without arming a real timer of any of its waits', async () => {
    // A sleep that reached a real timer would show its 10 s delay here; deterministic where a
    // wall-time bound would flake on a loaded machine.
    const time = new VirtualTime(START);
    const timers = watchRealTimers();
    try {
      await onVirtualTime(time, async () => {
        for (let i = 0; i < 6; i++) await sleep(10_000);
      });
    } finally {
      timers.stop();
    }
    expect(time.now() - START).toBe(60_000);
    expect(timers.delaysMs.filter((delay) => delay >= 10_000)).toEqual([]);
  });

  it('puts the real setTimeout, Date.now and Math.random back, even when the work throws', async () => {
    const originals = [globalThis.setTimeout, Date.now, Math.random];
    const time = new VirtualTime(START);
    await expect(
      onVirtualTime(time, async () => {
        await sleep(5);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect([globalThis.setTimeout, Date.now, Math.random]).toEqual(originals);
  });

  it('cancels a cleared timer and reschedules a refreshed one', async () => {
    const time = new VirtualTime(START);
    const fired: string[] = [];
    await onVirtualTime(time, async () => {
      const cleared = setTimeout(() => fired.push('cleared'), 1000);
      clearTimeout(cleared);
      const refreshed = setTimeout(() => fired.push(`refreshed at ${Date.now() - START}`), 1000);
      await sleep(500);
      refreshed.refresh();
      await sleep(2000);
    });
    expect(fired).toEqual(['refreshed at 1500']);
  });

  it('clamps a delay beyond 2^31 - 1 ms to 1 ms, as Node does, and records it', async () => {
    const time = new VirtualTime(START);
    await onVirtualTime(time, () => sleep(1.7e12));
    expect(time.now() - START).toBe(1);
    expect(time.overflows).toEqual([1.7e12]);
  });

  it('gives every run with the same seed the same Math.random sequence', async () => {
    const draws = async (seed: number) => {
      const time = new VirtualTime(START, seed);
      return onVirtualTime(time, async () => [Math.random(), Math.random(), Math.random()]);
    };
    expect(await draws(7)).toEqual(await draws(7));
    expect(await draws(7)).not.toEqual(await draws(8));
    expect(seededRandom(7)()).toBeGreaterThanOrEqual(0);
  });

  it('abandons work that keeps setting timers, after the advance limit', async () => {
    const time = new VirtualTime(START);
    const forever = async () => {
      for (;;) await sleep(10);
    };
    await expect(onVirtualTime(time, forever, { ...LIMITS, maxAdvances: 20 })).rejects.toBeInstanceOf(
      VirtualTimeLimitError,
    );
  });

  it('abandons work that neither settles nor sets a timer, after the stall limit', async () => {
    const time = new VirtualTime(START);
    const never = () => new Promise<void>(() => {});
    await expect(onVirtualTime(time, never, { ...LIMITS, maxStallMs: 30 })).rejects.toThrow(
      /neither settled nor set a timer/,
    );
  });

  it('serves the simulator as a clock: sleep resolves when the virtual time reaches it', async () => {
    const time = new VirtualTime(START);
    await onVirtualTime(time, () => time.sleep(20_000));
    expect(time.now() - START).toBe(20_000);
  });
});
