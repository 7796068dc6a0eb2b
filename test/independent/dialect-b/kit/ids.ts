import { randomBytes, randomInt, randomUUID } from 'node:crypto';

/**
 * Fresh identifiers for every start: nothing a test or a config could hard-code survives a restart.
 */

/** A random secret with a readable prefix, e.g. `cx_live_` + 32 hex digits. */
export function freshSecret(prefix: string, bytes = 16): string {
  return `${prefix}${randomBytes(bytes).toString('hex')}`;
}

/** Integer ids that start somewhere different on every start and grow by a small random step. */
export function createIntegerIds(): () => number {
  let next = randomInt(1_000, 900_000);
  return () => {
    next += randomInt(1, 17);
    return next;
  };
}

export function freshUuid(): string {
  return randomUUID();
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 26 characters of Crockford base32, the shape of a ULID. */
export function freshUlid(): string {
  const bytes = randomBytes(26);
  let text = '';
  for (const byte of bytes) text += CROCKFORD[byte % 32];
  return text;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}
