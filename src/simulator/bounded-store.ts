import { InvalidArgumentError } from '../errors.js';

/**
 * A map whose entries expire and whose size is capped, so a long run cannot grow memory without
 * limit. Every entry of one store lives equally long, so insertion order is expiry order: a sweep
 * stops at the first live entry, and when the cap is reached the oldest entry goes first.
 */
export class ExpiringStore<V> {
  readonly #entries = new Map<string, { value: V; expiresAt: number }>();
  readonly #maxEntries: number;

  constructor(maxEntries: number) {
    if (!(maxEntries >= 1))
      throw new InvalidArgumentError('An expiring store needs room for at least one entry.');
    this.#maxEntries = maxEntries;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string, now: number): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, expiresAt: number, now: number): void {
    this.#entries.delete(key);
    this.sweep(now);
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { value, expiresAt });
  }

  /** Whether a new key would evict another, once expired entries are gone. */
  isFull(now: number): boolean {
    this.sweep(now);
    return this.#entries.size >= this.#maxEntries;
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Drops expired entries from the front; cheap because expiry follows insertion order. */
  sweep(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt > now) break;
      this.#entries.delete(key);
    }
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** Sets a key in a plain map, first dropping the oldest entry when the map is at its cap. */
export function setCapped<K, V>(map: Map<K, V>, key: K, value: V, maxEntries: number): void {
  if (!map.has(key) && map.size >= maxEntries) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}

/** How many resources a model keeps that clients created; seeded resources never count. */
export const MAX_CREATED_RESOURCES = 10_000;
const createdOrder = new WeakMap<Map<string, unknown>, string[]>();

/**
 * Stores a resource a client created. Past the cap the oldest created one is dropped, so a long
 * run of writes stays bounded while the seeded resources that checks rely on are never evicted.
 */
export function addCreated<V>(map: Map<string, V>, key: string, value: V, max = MAX_CREATED_RESOURCES): void {
  let order = createdOrder.get(map);
  if (!order) {
    order = [];
    createdOrder.set(map, order);
  }
  map.set(key, value);
  order.push(key);
  while (order.length > max) {
    const oldest = order.shift();
    if (oldest !== undefined) map.delete(oldest);
  }
}
