import { AsyncLocalStorage, createHook } from 'node:async_hooks';
import { ErrorContractsError } from '../errors.js';
import { seededRandom } from '../retry/seeded-random.js';
import type { Clock } from '../time/clock.js';

/**
 * Virtual time for a client that was never written to be tested: third-party HTTP clients sleep
 * with the global setTimeout and read Date.now, and jitter with Math.random. While installed, those
 * globals are replaced so that a client's timers run on this clock, and `drive` moves the clock to
 * the next due timer whenever nothing else is happening. Tens of seconds of backoff then pass in a
 * few milliseconds, and every wait is observed exactly.
 */

/** Node clamps delays above this to 1 ms (with a TimeoutOverflowWarning); so does this clock. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
/**
 * Real event-loop turns in a row with nothing happening before the process counts as idle. Few
 * are needed, since "nothing" is counted precisely (see waitForIdle); five leave a margin.
 */
const QUIET_TURNS = 5;

/** Every asynchronous resource Node creates while a check drives a client, counted by a hook. */
let asyncResourcesCreated = 0;
/**
 * Which drive the code now running belongs to: every asynchronous resource created while the
 * client's work runs, and by whatever it started (nock answering a request, the simulator), carries
 * it, so real work of the check is told apart from real work of anyone else in the process (a test
 * runner's own timers) without guessing from how long things take.
 */
const workContext = new AsyncLocalStorage<object>();
/** The drive whose real work is being counted, or null between drives. */
let countedWork: object | null = null;

interface RealWork {
  type: string;
  /** The Timeout itself, so an unref'd one (which would never hold a process open) can be ignored. */
  resource: { hasRef?: () => boolean };
}
/**
 * Real work the check's own code started and that has not finished: real timers and immediates
 * (nock delivers a reply on them, through the timers module, which virtual time does not replace)
 * and file-system and DNS requests on the thread pool. While one lives, the process is waiting for
 * something real and is not idle, however long that takes under load. Crypto jobs are left out:
 * they are also created for synchronous calls and never report finishing.
 */
const liveWork = new Map<number, RealWork>();
const TRACKED_TYPES = /^Timeout$|^Immediate$|^FSREQ|^GETADDRINFOREQWRAP$|^GETNAMEINFOREQWRAP$/;
/** Types whose callback runs once, when the work is done; their destroy may wait for garbage collection. */
const ONE_SHOT_REQUESTS = /^FSREQ|^GETADDRINFOREQWRAP$|^GETNAMEINFOREQWRAP$/;
const resourceCounter = createHook({
  init(asyncId, type, _trigger, resource) {
    asyncResourcesCreated++;
    if (countedWork !== null && TRACKED_TYPES.test(type) && workContext.getStore() === countedWork)
      liveWork.set(asyncId, { type, resource: resource as RealWork['resource'] });
  },
  before(asyncId) {
    const work = liveWork.get(asyncId);
    if (work && ONE_SHOT_REQUESTS.test(work.type)) liveWork.delete(asyncId);
  },
  // Timers and immediates report destroy as soon as they have run or been cleared.
  destroy(asyncId) {
    liveWork.delete(asyncId);
  },
});

/** Whether real work the check started is still under way (an unref'd timer does not count). */
function realWorkPending(): boolean {
  for (const work of liveWork.values()) {
    if (work.type !== 'Timeout' || work.resource.hasRef?.() !== false) return true;
  }
  return false;
}

type TimerCallback = (...args: unknown[]) => void;

interface PendingTimer {
  id: number;
  dueAt: number;
  /** Insertion order, so timers due at the same moment fire in the order they were set. */
  order: number;
  callback: TimerCallback;
  args: unknown[];
  repeatMs: number | null;
  /**
   * Runs a function in the asynchronous context the timer was set in, as Node does for real
   * timers: what a client does when its sleep ends still counts as the check's work.
   */
  inContext: (fn: () => void) => void;
}

/** What drive() refuses to go past: a client that never settles must not hang the check. */
export interface DriveLimits {
  /** Virtual milliseconds after which the work is abandoned. */
  maxVirtualMs: number;
  /** Clock advances after which the work is abandoned. */
  maxAdvances: number;
  /**
   * Real milliseconds to wait for work that has no timer pending, or keeps the process busy,
   * before giving up on it: a bound for a client that never settles, not a test of idleness.
   */
  maxStallMs: number;
}

/** Why drive() stopped before the work settled. */
export class VirtualTimeLimitError extends ErrorContractsError {
  constructor(message: string) {
    super('ERR_VIRTUAL_TIME_LIMIT', message);
    this.name = 'VirtualTimeLimitError';
  }
}

/** The handle setTimeout returns: enough of Node's Timeout for the clients that call its methods. */
class VirtualTimer {
  readonly #time: VirtualTime;
  readonly id: number;

  constructor(time: VirtualTime, id: number) {
    this.#time = time;
    this.id = id;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  hasRef(): boolean {
    return true;
  }
  refresh(): this {
    this.#time.refresh(this.id);
    return this;
  }
  close(): this {
    this.#time.clear(this.id);
    return this;
  }
  [Symbol.toPrimitive](): number {
    return this.id;
  }
  [Symbol.dispose](): void {
    this.close();
  }
}

interface SavedGlobals {
  setTimeout: typeof globalThis.setTimeout;
  clearTimeout: typeof globalThis.clearTimeout;
  setInterval: typeof globalThis.setInterval;
  clearInterval: typeof globalThis.clearInterval;
  dateNow: typeof Date.now;
  random: typeof Math.random;
}

export class VirtualTime implements Clock {
  #now: number;
  #timers = new Map<number, PendingTimer & { delayMs: number }>();
  #nextId = 1;
  #order = 0;
  /** Bumped by every timer set, cleared or fired: how drive() tells activity from idleness. */
  #activity = 0;
  #random: () => number;
  #saved: SavedGlobals | null = null;
  #callbackError: { error: unknown } | null = null;
  /** Timers whose delay overflowed, as Node would have warned about them. */
  readonly overflows: number[] = [];

  constructor(start: number, seed = 1) {
    this.#now = start;
    this.#random = seededRandom(seed);
  }

  now(): number {
    return this.#now;
  }

  /** The simulator's clock interface: a sleep is a timer like any other, so both share one order. */
  sleep(ms: number): Promise<void> {
    if (!(ms > 0)) return Promise.resolve();
    return new Promise((resolve) => this.set(() => resolve(), ms, [], null));
  }

  /** Moves the clock on without firing anything: the gap between two sequences. */
  skipTo(at: number): void {
    if (at > this.#now) this.#now = at;
  }

  /** Restarts the random sequence clients see, so each scripted sequence has its own seed. */
  reseed(seed: number): void {
    this.#random = seededRandom(seed);
  }

  /**
   * Forgets every pending timer: what an abandoned client or a held request left behind must not
   * fire in the next sequence.
   */
  discardTimers(): void {
    this.#timers.clear();
    this.#callbackError = null;
  }

  get pendingTimers(): number {
    return this.#timers.size;
  }

  set(callback: TimerCallback, delay: unknown, args: unknown[], repeat: 'repeat' | null): number {
    let delayMs = Number(delay);
    // Node runs a 0 ms timer after 1 ms. Here any delay up to 1 ms is due at once: libraries set
    // such timers internally, and letting them move the clock would make a measured wait depend
    // on how real-time scheduling interleaved them with the client's own timers.
    if (!Number.isFinite(delayMs) || delayMs <= 1) delayMs = 0;
    if (delayMs > MAX_TIMER_DELAY_MS) {
      this.overflows.push(delayMs);
      delayMs = 1;
    }
    delayMs = Math.trunc(delayMs);
    const id = this.#nextId++;
    this.#timers.set(id, {
      id,
      dueAt: this.#now + delayMs,
      order: this.#order++,
      callback,
      args,
      delayMs,
      repeatMs: repeat ? delayMs : null,
      inContext: AsyncLocalStorage.snapshot(),
    });
    this.#activity++;
    return id;
  }

  clear(handle: unknown): void {
    const id = typeof handle === 'object' && handle !== null ? Number(handle) : Number(handle);
    if (this.#timers.delete(id)) this.#activity++;
  }

  refresh(id: number): void {
    const timer = this.#timers.get(id);
    if (!timer) return;
    timer.dueAt = this.#now + timer.delayMs;
    timer.order = this.#order++;
    this.#activity++;
  }

  /**
   * Replaces the timer globals, Date.now and Math.random for the duration of a check. Returns the
   * function that puts the originals back; call it in a finally block.
   */
  install(): () => void {
    if (this.#saved) throw new ErrorContractsError('ERR_INTERNAL', 'This virtual time is already installed.');
    const saved: SavedGlobals = {
      setTimeout: globalThis.setTimeout,
      clearTimeout: globalThis.clearTimeout,
      setInterval: globalThis.setInterval,
      clearInterval: globalThis.clearInterval,
      dateNow: Date.now,
      random: Math.random,
    };
    this.#saved = saved;
    const handle = (id: number) => new VirtualTimer(this, id);
    const fake = {
      setTimeout: (callback: TimerCallback, delay?: number, ...args: unknown[]) =>
        handle(this.set(callback, delay, args, null)),
      setInterval: (callback: TimerCallback, delay?: number, ...args: unknown[]) =>
        handle(this.set(callback, delay, args, 'repeat')),
      clear: (timer: unknown) => this.clear(timer),
    };
    Object.assign(globalThis, {
      setTimeout: fake.setTimeout,
      clearTimeout: fake.clear,
      setInterval: fake.setInterval,
      clearInterval: fake.clear,
    });
    Date.now = () => this.#now;
    Math.random = () => this.#random();
    return () => this.#restore();
  }

  #restore(): void {
    const saved = this.#saved;
    if (!saved) return;
    Object.assign(globalThis, {
      setTimeout: saved.setTimeout,
      clearTimeout: saved.clearTimeout,
      setInterval: saved.setInterval,
      clearInterval: saved.clearInterval,
    });
    Date.now = saved.dateNow;
    Math.random = saved.random;
    this.#saved = null;
    // Anything still pending belongs to work that was abandoned (a held request, a client's own
    // timeout). It is dropped: firing it later on the real clock would act on a finished check.
    this.discardTimers();
  }

  /**
   * Runs `work` to completion on virtual time: whenever the process has been idle for a while, the
   * clock jumps to the earliest pending timer and fires it. Rejects with VirtualTimeLimitError
   * when a limit is reached first, and with any error a timer callback threw.
   */
  async drive<T>(work: () => Promise<T>, limits: DriveLimits): Promise<T> {
    const token = {};
    liveWork.clear();
    countedWork = token;
    resourceCounter.enable();
    try {
      return await this.#driveEnabled(() => workContext.run(token, work), limits);
    } finally {
      resourceCounter.disable();
      countedWork = null;
      liveWork.clear();
    }
  }

  async #driveEnabled<T>(work: () => Promise<T>, limits: DriveLimits): Promise<T> {
    const realTimeout = this.#saved?.setTimeout ?? globalThis.setTimeout;
    const start = this.#now;
    let outcome: { value: T } | { error: unknown } | null = null;
    work().then(
      (value) => {
        outcome = { value };
      },
      (error: unknown) => {
        outcome = { error };
      },
    );
    const settled = () => outcome !== null || this.#callbackError !== null;
    let advances = 0;
    let stalledSince: number | null = null;
    while (!settled()) {
      await this.#waitForIdle(settled, limits.maxStallMs);
      if (settled()) break;
      const next = this.#earliest();
      if (!next) {
        // Nothing scheduled: the work waits on something real. Give it a bounded real wait.
        stalledSince ??= performance.now();
        if (performance.now() - stalledSince > limits.maxStallMs) {
          throw new VirtualTimeLimitError(
            `the client neither settled nor set a timer for ${limits.maxStallMs} ms of real time`,
          );
        }
        await new Promise<void>((resolve) => realTimeout(resolve, 1));
        continue;
      }
      stalledSince = null;
      if (next.dueAt - start > limits.maxVirtualMs) {
        throw new VirtualTimeLimitError(
          `the client was still waiting after ${limits.maxVirtualMs} ms of virtual time`,
        );
      }
      if (++advances > limits.maxAdvances) {
        throw new VirtualTimeLimitError(`the client set more than ${limits.maxAdvances} timers`);
      }
      this.#fire(next);
    }
    if (this.#callbackError) {
      const { error } = this.#callbackError;
      this.#callbackError = null;
      throw error;
    }
    const done = outcome as { value: T } | { error: unknown } | null;
    if (done && 'error' in done) throw done.error;
    return (done as { value: T }).value;
  }

  /**
   * Idle means, counted rather than timed: for QUIET_TURNS turns of the real event loop no
   * asynchronous resource was created (no promise, stream callback, immediate or socket:
   * async_hooks sees each one) and no virtual timer was touched, and no real work the check
   * started is still under way (a real timer or immediate nock delivers a reply on, a thread-pool
   * request). However slowly a loaded machine gets through that work, the clock does not move
   * until it is done, so the same client gets the same timeline on an idle machine and a busy
   * one. The loop itself is written with callbacks, not promises, so that it creates exactly one
   * resource per turn.
   */
  #waitForIdle(settled: () => boolean, maxBusyMs: number): Promise<void> {
    const immediate = globalThis.setImmediate;
    const realTimeout = this.#saved?.setTimeout ?? globalThis.setTimeout;
    const started = performance.now();
    return new Promise<void>((resolve, reject) => {
      let quiet = 0;
      let mark = asyncResourcesCreated;
      let activity = this.#activity;
      const step = () => {
        // One resource is this step's own immediate or timeout; anything more is someone else's work.
        const busy = asyncResourcesCreated - mark > 1 || this.#activity !== activity;
        activity = this.#activity;
        quiet = busy ? 0 : quiet + 1;
        const waitingForReal = realWorkPending();
        if (settled() || (quiet >= QUIET_TURNS && !waitingForReal)) {
          resolve();
          return;
        }
        // A client that never lets the loop go quiet (a setImmediate loop, say) must not hang the check.
        if (performance.now() - started > maxBusyMs) {
          reject(
            new VirtualTimeLimitError(
              `the client kept the process busy for ${maxBusyMs} ms of real time without settling or setting a timer`,
            ),
          );
          return;
        }
        mark = asyncResourcesCreated;
        // Real work is waited for on a real timer rather than spun on.
        if (waitingForReal) realTimeout(step, 1);
        else immediate(step);
      };
      mark = asyncResourcesCreated;
      immediate(step);
    });
  }

  #earliest(): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const timer of this.#timers.values()) {
      if (!best || timer.dueAt < best.dueAt || (timer.dueAt === best.dueAt && timer.order < best.order))
        best = timer;
    }
    return best;
  }

  #fire(timer: PendingTimer & { delayMs?: number }): void {
    this.#now = Math.max(this.#now, timer.dueAt);
    if (timer.repeatMs !== null) {
      timer.dueAt = this.#now + timer.repeatMs;
      timer.order = this.#order++;
    } else {
      this.#timers.delete(timer.id);
    }
    this.#activity++;
    try {
      timer.inContext(() => timer.callback(...timer.args));
    } catch (error) {
      this.#callbackError ??= { error };
    }
  }
}
