/**
 * The few helpers that ajv's standalone validators call at run time.
 *
 * ajv emits `require("ajv/dist/runtime/...")` for these, which would make ajv a runtime
 * dependency of every consumer. The generator rewrites those calls to this module instead, so
 * the published package validates with no dependencies at all.
 */
import { rememberedPredicate } from '../text/remembered-predicate.js';

/** Length in Unicode code points, as JSON Schema's minLength/maxLength count it. */
export function ucs2length(value: string): number {
  let length = 0;
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < value.length) {
      const next = value.charCodeAt(index + 1);
      if ((next & 0xfc00) === 0xdc00) index++;
    }
    length++;
  }
  return length;
}

/** Structural equality of JSON values, for `const` and `enum` with object members. */
export function equal(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) {
    return Number.isNaN(left) && Number.isNaN(right);
  }
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  const leftKeys = Object.keys(left);
  if (leftKeys.length !== Object.keys(right).length) return false;
  return leftKeys.every(
    (key) =>
      Object.hasOwn(right, key) &&
      equal((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]),
  );
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The number written by the two ASCII digits at `index` (the regex has already checked they are digits). */
function twoDigits(value: string, index: number): number {
  return (value.charCodeAt(index) - 48) * 10 + value.charCodeAt(index + 1) - 48;
}

/**
 * RFC 3339 `date-time`, time zone required, calendar dates checked (no 31 April). The fields sit at
 * fixed offsets once the regex matches, so they are read in place: this runs for every timestamp
 * a validator sees, and allocating match arrays made it the slowest check in the package.
 */
export function isDateTime(value: string): boolean {
  if (!DATE_TIME.test(value)) return false;
  const year = twoDigits(value, 0) * 100 + twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  if (month < 1 || month > 12 || day < 1) return false;
  const maxDay = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day > maxDay) return false;
  // 60 is allowed for a leap second, as RFC 3339 does.
  if (twoDigits(value, 11) > 23 || twoDigits(value, 14) > 59 || twoDigits(value, 17) > 60) return false;
  const last = value.charCodeAt(value.length - 1);
  if (last === 90 || last === 122) return true; // Z or z
  return twoDigits(value, value.length - 5) <= 23 && twoDigits(value, value.length - 2) <= 59;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a URI must not contain.
const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\u0000-\u001f\u007f]*$/;

/**
 * An absolute URI: a scheme, no white space or control characters, and parseable by WHATWG URL.
 * Answered from memory for a URI seen before: a vendor sends the same few documentation links over
 * and over (one per error code), and URL.canParse was the largest single cost of validating and
 * normalizing a Foresight error.
 */
export const isUri = rememberedPredicate((value) => URI_SCHEME.test(value) && URL.canParse(value), {
  entries: 128,
  textLength: 512,
});

/** Format checks keyed by JSON Schema format name, in the shape ajv's generated code calls. */
export const formats = {
  'date-time': { validate: isDateTime },
  uri: { validate: isUri },
} as const;
