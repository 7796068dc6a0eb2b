import { ExpiringStore } from './bounded-store.js';

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends (ms since the epoch). */
  resetAt: number;
}

interface Window {
  startedAt: number;
  count: number;
}

/**
 * Fixed windows per principal: simple to reason about in tests (the window that refused a
 * request ends at a known instant) and the model the vendors' "reset" headers describe.
 */
export class FixedWindowLimiter {
  readonly #windows: ExpiringStore<Window>;

  constructor(maxWindows = 10_000) {
    this.#windows = new ExpiringStore(maxWindows);
  }

  get size(): number {
    return this.#windows.size;
  }

  hit(principal: string, limit: number, windowMs: number, now: number): RateDecision {
    let window = this.#windows.get(principal, now);
    if (!window) {
      window = { startedAt: now, count: 0 };
      this.#windows.set(principal, window, now + windowMs, now);
    }
    const resetAt = window.startedAt + windowMs;
    if (window.count >= limit) return { allowed: false, limit, remaining: 0, resetAt };
    window.count++;
    return { allowed: true, limit, remaining: limit - window.count, resetAt };
  }

  sweep(now: number): void {
    this.#windows.sweep(now);
  }

  clear(): void {
    this.#windows.clear();
  }
}
