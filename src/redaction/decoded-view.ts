import { hexDigitValue } from './encoded-forms.js';

/**
 * Text with its escapes undone once, left to right, each decoded UTF-16 unit remembering the span
 * of the original text it came from. A known secret is then searched for literally in the decoded
 * text and blanked in the original over the spans it covers: whatever mixture of percent-encoding
 * (either hex case), JSON escapes (`\uXXXX`, `\/`, `\"`, `\\`) and HTML character references
 * (`&#47;`, `&#x2F;`, `&quot;`, `&amp;` ...) spelt it, in one pass, in time
 * linear in the text. (A pattern built from the secret, with one alternation per character, could
 * backtrack exponentially on a secret made of backslashes.)
 */
export interface DecodedView {
  text: string;
  /** Where in the original text each unit of `text` starts. */
  starts: Uint32Array;
  /** Where in the original text each unit of `text` ends (exclusive). */
  ends: Uint32Array;
}

const BACKSLASH = 0x5c;
const PERCENT = 0x25;
const AMPERSAND = 0x26;
const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  sol: '/',
  plus: '+',
  equals: '=',
};
const REFERENCE = /^&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,6}));/;
const SLASH = 0x2f;
const QUOTE = 0x22;
const LETTER_U = 0x75;
/** Code units turned into a string per call, below every engine's argument limit. */
const CHUNK = 8192;

/** Whether the text has anything to decode: without `\` or `%` the decoded view is the text. */
export function hasEscapes(text: string): boolean {
  return text.includes('\\') || text.includes('%') || text.includes('&');
}

/** One HTML character reference at `index` (`&#47;`, `&#x2F;`, `&quot;`), or undefined. */
function characterReference(text: string, index: number): { text: string; end: number } | undefined {
  const match = REFERENCE.exec(text.slice(index, index + 12));
  if (!match) return undefined;
  const [whole, decimal, hex, name] = match;
  const codePoint =
    decimal !== undefined ? Number(decimal) : hex !== undefined ? Number.parseInt(hex, 16) : undefined;
  if (codePoint !== undefined) {
    if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return undefined;
    return { text: String.fromCodePoint(codePoint), end: index + whole.length };
  }
  const named = name === undefined ? undefined : NAMED_REFERENCES[name.toLowerCase()];
  return named === undefined ? undefined : { text: named, end: index + whole.length };
}

export function decodeEscapes(text: string): DecodedView {
  // Decoding never lengthens the text: every escape is longer than what it stands for.
  const units = new Uint16Array(text.length);
  const starts = new Uint32Array(text.length);
  const ends = new Uint32Array(text.length);
  let length = 0;
  const push = (decoded: string, start: number, end: number) => {
    for (let k = 0; k < decoded.length; k += 1) {
      units[length] = decoded.charCodeAt(k);
      starts[length] = start;
      ends[length] = end;
      length += 1;
    }
  };
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    let end = i + 1;
    let unit = code;
    if (code === BACKSLASH) {
      const next = text.charCodeAt(i + 1);
      if (next === BACKSLASH || next === SLASH || next === QUOTE) {
        unit = next;
        end = i + 2;
      } else if (next === LETTER_U) {
        const escaped = hexNumber(text, i + 2, 4);
        if (escaped !== undefined) {
          unit = escaped;
          end = i + 6;
        }
      }
    } else if (code === AMPERSAND || code === PERCENT) {
      const decoded = code === AMPERSAND ? characterReference(text, i) : percentSequence(text, i);
      if (decoded) {
        push(decoded.text, i, decoded.end);
        i = decoded.end;
        continue;
      }
    }
    units[length] = unit;
    starts[length] = i;
    ends[length] = end;
    length += 1;
    i = end;
  }
  let decoded = '';
  for (let at = 0; at < length; at += CHUNK)
    decoded += String.fromCharCode(...units.subarray(at, Math.min(at + CHUNK, length)));
  return { text: decoded, starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

/**
 * The number spelt by `count` hex digits at `index`, or undefined when any is missing or not hex.
 * Read unit by unit: this runs for every escape of every text scrubbed, where a slice and a
 * pattern per escape cost more than the rest of the decoding.
 */
function hexNumber(text: string, index: number, count: number): number | undefined {
  if (index + count > text.length) return undefined;
  let value = 0;
  for (let k = index; k < index + count; k += 1) {
    const digit = hexDigitValue(text.charCodeAt(k));
    if (digit < 0) return undefined;
    value = value * 16 + digit;
  }
  return value;
}

function byteAt(text: string, index: number): number | undefined {
  return text.charCodeAt(index) === PERCENT ? hexNumber(text, index + 1, 2) : undefined;
}

/** One character spelt as percent-encoded UTF-8 bytes at `index`, or undefined when it is not one. */
function percentSequence(text: string, index: number): { text: string; end: number } | undefined {
  const lead = byteAt(text, index);
  if (lead === undefined) return undefined;
  if (lead < 0x80) return { text: String.fromCharCode(lead), end: index + 3 };
  const length =
    lead >= 0xc2 && lead <= 0xdf
      ? 2
      : lead >= 0xe0 && lead <= 0xef
        ? 3
        : lead >= 0xf0 && lead <= 0xf4
          ? 4
          : 0;
  if (length === 0) return undefined;
  let codePoint = lead & (0xff >> (length + 1));
  for (let k = 1; k < length; k += 1) {
    const byte = byteAt(text, index + 3 * k);
    if (byte === undefined || (byte & 0xc0) !== 0x80) return undefined;
    codePoint = (codePoint << 6) | (byte & 0x3f);
  }
  const smallest = [0, 0, 0x80, 0x800, 0x10000][length] ?? 0;
  if (codePoint < smallest || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
    return undefined;
  return { text: String.fromCodePoint(codePoint), end: index + 3 * length };
}

/**
 * Every non-overlapping place `needle` occurs in `haystack`, left to right, like replaceAll. The
 * engine's own search is used (V8's falls back from Boyer-Moore-Horspool to full Boyer-Moore on a
 * needle that repeats, so one search is linear, and each next search starts past the last match):
 * it runs in native code, several times faster than a search written here.
 */
export function literalMatches(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length))
    found.push(at);
  return found;
}
