import { randomBytes } from 'node:crypto';
import type { RequestIdPolicy } from '../generated/meta-types.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const HEX = '0123456789abcdef';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Short examples (Collate's "req_123") would make colliding ids; no id is shorter than this. */
const MIN_RANDOM_CHARS = 16;
/** The counter's share of an id: 16^6 (hex, the smallest alphabet) is 16.7 million ids per stem. */
const COUNTER_CHARS = 6;

/**
 * Makes request ids shaped like the vendor's documented example: the same prefix, the same kind
 * of characters and at least its length. A 26-character upper-case example is a ULID, so those
 * ids start with the time, as the vendor's do; other upper-case examples use the same alphabet.
 * Returns undefined for vendors that send none.
 *
 * An id is the example's prefix (letters and an underscore) and characters of its alphabet
 * (letters and digits) only, so its JSON text is the id between quotes: simulated errors write it
 * so without searching it for characters to escape.
 *
 * Ids are unique, not secret: a random stem drawn once per factory (so two simulators, or two
 * runs, do not repeat each other's ids) followed by a counter in the same alphabet. Drawing random
 * bytes for every answer was a measurable share of a simulated request.
 */
export function requestIdFactory(policy: RequestIdPolicy, now: () => number): (() => string) | undefined {
  if (!policy.promised || !policy.example) return undefined;
  const match = /^([A-Za-z]+_)?(.*)$/.exec(policy.example);
  const prefix = match?.[1] ?? '';
  const sample = match?.[2] ?? '';
  const length = Math.max(sample.length, MIN_RANDOM_CHARS);
  if (/^[0-9A-HJKMNP-TV-Z]{26}$/.test(sample)) {
    const next = uniqueChars(CROCKFORD, 16);
    return () => `${prefix}${ulidTime(now())}${next()}`;
  }
  const alphabet =
    /^[0-9A-Z]+$/.test(sample) && /[A-Z]/.test(sample)
      ? CROCKFORD
      : /^[0-9a-f]+$/.test(sample) && /[a-f]/.test(sample)
        ? HEX
        : ALPHANUMERIC;
  const next = uniqueChars(alphabet, length);
  return () => `${prefix}${next()}`;
}

/**
 * A source of distinct strings of `length` characters from `alphabet`: a random stem and a
 * fixed-width counter; when the counter wraps, a new stem is drawn. The stem with the counter's
 * leading digits changes only once every `alphabet.length` ids, so it is built then and each id is
 * that text and one last digit: the same string as writing all the counter's digits every time.
 */
function uniqueChars(alphabet: string, length: number): () => string {
  const base = alphabet.length;
  const limit = base ** COUNTER_CHARS;
  let stem = randomChars(alphabet, length - COUNTER_CHARS);
  let counter = 0;
  let leading = '';
  return () => {
    if (counter === limit) {
      stem = randomChars(alphabet, length - COUNTER_CHARS);
      counter = 0;
    }
    const last = counter % base;
    if (last === 0) leading = stem + digits(alphabet, Math.floor(counter / base), COUNTER_CHARS - 1);
    counter++;
    return leading + alphabet[last];
  };
}

/** `value` written in `alphabet` as `width` digits, most significant first. */
function digits(alphabet: string, value: number, width: number): string {
  let rest = value;
  let out = '';
  for (let i = 0; i < width; i++) {
    out = alphabet[rest % alphabet.length] + out;
    rest = Math.floor(rest / alphabet.length);
  }
  return out;
}

function randomChars(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** The 10-character time part of a ULID. */
function ulidTime(time: number): string {
  let timePart = '';
  let rest = Math.max(0, Math.floor(time));
  for (let i = 0; i < 10; i++) {
    timePart = CROCKFORD[rest % 32] + timePart;
    rest = Math.floor(rest / 32);
  }
  return timePart;
}
