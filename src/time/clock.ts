import { InvalidArgumentError } from '../errors.js';

/**
 * Time as the simulator, the checks and the client check see it. Windows, expiries, Retry-After
 * values and held ("in flight") writes all read this clock, so a test can inject a virtual one and
 * move time on instead of sleeping; production use gets the real clock.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Resolves once `ms` milliseconds have passed on this clock. */
  sleep(ms: number): Promise<void>;
  /**
   * The same sleep, ended early (its timer freed) as soon as `signal` aborts: a held request whose
   * client left stops waiting for nobody. Optional; see sleepUnlessAborted for clocks without it.
   */
  sleepCancellable?(ms: number, signal: AbortSignal): Promise<void>;
}

/** Sleeps on any clock until `ms` pass or `signal` aborts, freeing the timer where the clock can. */
export function sleepUnlessAborted(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return clock.sleep(ms);
  if (clock.sleepCancellable) return clock.sleepCancellable(ms, signal);
  if (signal.aborted) return Promise.resolve();
  return Promise.race([
    clock.sleep(ms),
    new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
  ]);
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
  sleepCancellable: (ms, signal) =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const wake = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, ms));
      signal.addEventListener('abort', wake, { once: true });
    }),
};

interface Sleeper {
  wakeAt: number;
  wake: () => void;
}

/**
 * A clock that only moves when told to. Sleepers wake in order of their deadlines when
 * `advance` passes them; nothing here touches timers, so tests never wait for real.
 */
export class VirtualClock implements Clock {
  #now: number;
  #sleepers: Sleeper[] = [];

  constructor(start: number | Date = Date.UTC(2026, 0, 1)) {
    this.#now = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((wake) => {
      this.#sleepers.push({ wakeAt: this.#now + ms, wake });
    });
  }

  sleepCancellable(ms: number, signal: AbortSignal): Promise<void> {
    if (ms <= 0 || signal.aborted) return Promise.resolve();
    return new Promise((wake) => {
      const sleeper = { wakeAt: this.#now + ms, wake };
      this.#sleepers.push(sleeper);
      signal.addEventListener(
        'abort',
        () => {
          this.#sleepers = this.#sleepers.filter((other) => other !== sleeper);
          wake();
        },
        { once: true },
      );
    });
  }

  /** Moves time forward and wakes every sleeper whose deadline has been reached. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new InvalidArgumentError(`A virtual clock only moves forward; got ${ms} ms.`);
    this.#now += ms;
    const due = this.#sleepers.filter((s) => s.wakeAt <= this.#now).sort((a, b) => a.wakeAt - b.wakeAt);
    this.#sleepers = this.#sleepers.filter((s) => s.wakeAt > this.#now);
    for (const sleeper of due) sleeper.wake();
  }

  /** How many sleepers are waiting; lets a test know a held request has arrived. */
  get pendingSleepers(): number {
    return this.#sleepers.length;
  }
}
