import { createHash } from 'node:crypto';
import type { Answer } from './answer.js';

/**
 * Remembers what a request with an idempotency key was answered, for a window on the vendor clock.
 * A request whose key is still being worked on finds it in flight; a held write can wait until such
 * a contender has come (a deterministic signal), bounded by a real-time cap.
 */
export type IdempotencyLookup =
  | { kind: 'fresh'; complete(answer: Answer): void; forget(): void }
  | { kind: 'replay'; answer: Answer }
  | { kind: 'mismatch'; original?: Answer }
  | { kind: 'inFlight' };

export interface IdempotencyStore {
  begin(scope: string, key: string, fingerprint: string): IdempotencyLookup;
  /** Resolves when another request meets this key in flight, or after `capMs` of real time. */
  contended(scope: string, key: string, capMs: number): Promise<void>;
}

interface Entry {
  fingerprint: string;
  answer?: Answer;
  expiresAtMs: number;
  waiting: Array<() => void>;
}

export function requestFingerprint(method: string, path: string, body: Buffer): string {
  return createHash('sha256').update(`${method} ${path}\n`).update(body).digest('hex');
}

export function createIdempotencyStore(options: { windowMs: number; now: () => number }): IdempotencyStore {
  const entries = new Map<string, Entry>();
  const id = (scope: string, key: string): string => `${scope}\u0000${key}`;
  return {
    begin(scope, key, fingerprint) {
      const entryId = id(scope, key);
      const existing = entries.get(entryId);
      if (existing !== undefined && existing.answer !== undefined && options.now() >= existing.expiresAtMs) {
        entries.delete(entryId);
      } else if (existing !== undefined) {
        if (existing.fingerprint !== fingerprint) {
          return existing.answer === undefined
            ? { kind: 'mismatch' }
            : { kind: 'mismatch', original: existing.answer };
        }
        if (existing.answer === undefined) {
          for (const wake of existing.waiting.splice(0)) wake();
          return { kind: 'inFlight' };
        }
        return { kind: 'replay', answer: existing.answer };
      }
      const entry: Entry = { fingerprint, expiresAtMs: Number.POSITIVE_INFINITY, waiting: [] };
      entries.set(entryId, entry);
      return {
        kind: 'fresh',
        complete(answer) {
          entry.answer = answer;
          entry.expiresAtMs = options.now() + options.windowMs;
        },
        forget() {
          entries.delete(entryId);
        },
      };
    },
    contended(scope, key, capMs) {
      const entry = entries.get(id(scope, key));
      if (entry === undefined) return Promise.resolve();
      return new Promise((resolve) => {
        const cap = setTimeout(resolve, capMs);
        cap.unref();
        entry.waiting.push(() => {
          clearTimeout(cap);
          resolve();
        });
      });
    },
  };
}

/**
 * Runs the first request of a key and keeps its answer for replay. A 5xx answer, or a handler that
 * throws, frees the key instead, so that a retry is processed rather than stuck in flight.
 */
export async function answerFirstRequest(
  lookup: Extract<IdempotencyLookup, { kind: 'fresh' }>,
  produce: () => Answer | Promise<Answer>,
): Promise<Answer> {
  try {
    const answer = await produce();
    if (answer.status >= 500) lookup.forget();
    else lookup.complete(answer);
    return answer;
  } catch (error) {
    lookup.forget();
    throw error;
  }
}
