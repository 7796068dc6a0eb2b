import { randomBytes } from 'node:crypto';
import type { RequestIdPolicy } from '../generated/meta-types.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const HEX = '0123456789abcdef';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Short examples (Collate's "req_123") would make colliding ids; no id is shorter than this. */
const MIN_RANDOM_CHARS = 16;

/**
 * Makes request ids shaped like the vendor's documented example: the same prefix, the same kind
 * of characters and at least its length. A 26-character upper-case example is a ULID, so those
 * ids start with the time, as the vendor's do; other upper-case examples use the same alphabet. Returns undefined for vendors that send none.
 */
export function requestIdFactory(policy: RequestIdPolicy, now: () => number): (() => string) | undefined {
  if (!policy.promised || !policy.example) return undefined;
  const match = /^([A-Za-z]+_)?(.*)$/.exec(policy.example);
  const prefix = match?.[1] ?? '';
  const sample = match?.[2] ?? '';
  const length = Math.max(sample.length, MIN_RANDOM_CHARS);
  if (/^[0-9A-HJKMNP-TV-Z]{26}$/.test(sample)) return () => `${prefix}${ulid(now())}`;
  if (/^[0-9A-Z]+$/.test(sample) && /[A-Z]/.test(sample))
    return () => `${prefix}${randomChars(CROCKFORD, length)}`;
  const alphabet = /^[0-9a-f]+$/.test(sample) && /[a-f]/.test(sample) ? HEX : ALPHANUMERIC;
  return () => `${prefix}${randomChars(alphabet, length)}`;
}

function randomChars(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

function ulid(time: number): string {
  let timePart = '';
  let rest = Math.max(0, Math.floor(time));
  for (let i = 0; i < 10; i++) {
    timePart = CROCKFORD[rest % 32] + timePart;
    rest = Math.floor(rest / 32);
  }
  return timePart + randomChars(CROCKFORD, 16);
}
