import { describe, expect, it } from 'vitest';
import { scrubText } from '../../src/redaction/scrub.js';
import { REDACTED } from '../../src/redaction/vocabulary.js';

/**
 * A known secret must not survive in any form a reader can turn back into it: base64 and base64url
 * (alone, or inside a longer encoded value such as a Basic credential, at any byte alignment),
 * hex in either case, and HTML character references.
 */
const SECRET = 'SENTINEL-sk/live+9f3a?';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');
const hex = (text: string) => Buffer.from(text).toString('hex');

function decodesToSecret(text: string): boolean {
  const pieces = text.split(/[^A-Za-z0-9+/=_-]+/);
  for (const piece of pieces) {
    for (const decoded of [
      Buffer.from(piece, 'base64'),
      Buffer.from(piece, 'base64url'),
      Buffer.from(piece, 'hex'),
    ]) {
      if (decoded.toString('utf8').includes(SECRET)) return true;
    }
  }
  return false;
}

describe('reversible encodings of a known secret', () => {
  it.each([
    ['base64', b64(SECRET)],
    ['base64url', b64url(SECRET)],
    ['base64 inside a Basic credential', `Basic ${b64(`user:${SECRET}`)}`],
    ['base64 at the second alignment', b64(`x${SECRET}`)],
    ['base64 at the third alignment', b64(`xy${SECRET}`)],
    ['base64url inside a longer value', b64url(`{"k":"${SECRET}","n":1}`)],
    ['hex', hex(SECRET)],
    ['hex in capitals', hex(SECRET).toUpperCase()],
  ])('blanks its %s form', (_label, form) => {
    const input = `the server said ${form} today`;
    expect(decodesToSecret(input)).toBe(true);
    const scrubbed = scrubText(input, [SECRET]);
    expect(scrubbed).toContain(REDACTED);
    expect(decodesToSecret(scrubbed)).toBe(false);
  });

  it.each([
    ['decimal references', [...SECRET].map((char) => `&#${char.codePointAt(0)};`).join('')],
    ['hex references', [...SECRET].map((char) => `&#x${char.codePointAt(0)?.toString(16)};`).join('')],
    ['named references for some characters', SECRET.replace('/', '&sol;').replace('+', '&plus;')],
    ['a mixture with percent-encoding', SECRET.replace('/', '&#x2F;').replace('+', '%2B')],
  ])('blanks it spelt with HTML %s', (_label, spelt) => {
    expect(scrubText(`<p>${spelt}</p>`, [SECRET])).toBe(`<p>${REDACTED}</p>`);
  });

  it('leaves ordinary text alone', () => {
    const text = 'deadbeef and SGVsbG8gd29ybGQ= and &amp; are not the secret';
    expect(scrubText(text, [SECRET])).toBe(text);
  });
});
