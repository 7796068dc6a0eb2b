import { ExpiringStore } from './bounded-store.js';
import type { SimResponse } from './types.js';

interface IdempotencyRecord {
  fingerprint: string;
  /** Set once the first request has an answer worth replaying. */
  response: SimResponse | undefined;
  /** Settles when the first request finishes: with its answer, or undefined if it was not kept. */
  settled: Promise<SimResponse | undefined>;
}

export type IdempotencyOutcome =
  | { kind: 'first'; finish: (response: SimResponse) => void }
  | { kind: 'replay'; response: SimResponse }
  | { kind: 'mismatch' }
  | { kind: 'in_flight'; settled: Promise<SimResponse | undefined> };

/**
 * Remembers writes by (principal, key) for the vendor's window. Only successful answers are kept:
 * a write that failed changed nothing, so a retry with the same key should run again.
 */
export class IdempotencyStore {
  readonly #records: ExpiringStore<IdempotencyRecord>;
  readonly #windowMs: number;
  #inFlight = 0;

  constructor(windowSeconds: number, maxRecords = 10_000) {
    this.#windowMs = windowSeconds * 1000;
    this.#records = new ExpiringStore(maxRecords);
  }

  get size(): number {
    return this.#records.size;
  }

  /** Requests currently holding a key. */
  get inFlight(): number {
    return this.#inFlight;
  }

  begin(scope: string, fingerprint: string, now: number): IdempotencyOutcome {
    const existing = this.#records.get(scope, now);
    if (existing) {
      if (existing.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (existing.response) return { kind: 'replay', response: existing.response };
      return { kind: 'in_flight', settled: existing.settled };
    }
    let settle: (response: SimResponse | undefined) => void = () => {};
    const record: IdempotencyRecord = {
      fingerprint,
      response: undefined,
      settled: new Promise((resolve) => {
        settle = resolve;
      }),
    };
    this.#records.set(scope, record, now + this.#windowMs, now);
    this.#inFlight++;
    return {
      kind: 'first',
      finish: (response) => {
        this.#inFlight--;
        if (response.status >= 200 && response.status < 300) {
          record.response = response;
          settle(response);
        } else {
          this.#records.delete(scope);
          settle(undefined);
        }
      },
    };
  }

  sweep(now: number): void {
    this.#records.sweep(now);
  }

  clear(): void {
    this.#records.clear();
  }
}
