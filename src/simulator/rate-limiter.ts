import { createHash } from 'node:crypto';
import { ExpiringStore } from './bounded-store.js';

/** Principals that arrive once the store is full share this many windows, chosen by hash. */
const OVERFLOW_WINDOWS = 64;

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
 *
 * Bounded against a flood of made-up credentials: a principal is kept as a fixed-size digest (a
 * 16 KB header costs no more than a short key), and a full store never evicts a live window. A
 * principal first seen while it is full shares one of OVERFLOW_WINDOWS windows with others, so
 * junk keys can neither grow memory nor reset a real key's count by pushing its window out.
 */
export class FixedWindowLimiter {
  readonly #windows: ExpiringStore<Window>;
  readonly #overflow = new Map<string, Window>();

  constructor(maxWindows = 10_000) {
    this.#windows = new ExpiringStore(maxWindows);
  }

  get size(): number {
    return this.#windows.size;
  }

  hit(principal: string, limit: number, windowMs: number, now: number): RateDecision {
    const key = createHash('sha256').update(principal).digest('base64url');
    let window = this.#windows.get(key, now);
    if (!window && this.#windows.isFull(now)) {
      const bucket = String(key.charCodeAt(0) % OVERFLOW_WINDOWS);
      window = this.#overflow.get(bucket);
      if (!window || window.startedAt + windowMs <= now) {
        window = { startedAt: now, count: 0 };
        this.#overflow.set(bucket, window);
      }
    } else if (!window) {
      window = { startedAt: now, count: 0 };
      this.#windows.set(key, window, now + windowMs, now);
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
    this.#overflow.clear();
  }
}
