import { createHash } from 'node:crypto';
import type { Outgoing } from './http.js';

/**
 * Writes remembered by idempotency key. What a vendor does with a key it has seen (replay, refuse
 * a different body, refuse while the first write runs) is its own rule; this only remembers.
 */
export type KeyedWrite =
  | { state: 'running'; fingerprint: string }
  | { state: 'done'; fingerprint: string; answer: Outgoing };

export class IdempotencyKeys {
  private readonly writes = new Map<string, KeyedWrite>();

  /** Keys are scoped to the principal that sent them, as one customer's key is not another's. */
  get(principal: string, key: string): KeyedWrite | undefined {
    return this.writes.get(`${principal}\u0000${key}`);
  }

  set(principal: string, key: string, write: KeyedWrite): void {
    this.writes.set(`${principal}\u0000${key}`, write);
  }
}

/** The request a key stands for: method, path and body bytes. */
export function fingerprintOf(method: string, path: string, body: Buffer): string {
  return createHash('sha256').update(`${method} ${path}\n`).update(body).digest('hex');
}
