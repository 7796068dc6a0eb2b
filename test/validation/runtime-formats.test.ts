import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equal, isDateTime, isUri, ucs2length } from '../../src/validation/runtime.js';

// The reference implementations the runtime module replaces: ajv-formats and ajv's own helpers.
const reference = new Ajv();
addFormats.default(reference);
const referenceDateTime = reference.compile({ type: 'string', format: 'date-time' });

const dateTimeCases: Array<[string, boolean]> = [
  ['2026-03-31T12:00:00.000Z', true],
  ['2026-03-31t12:00:00z', true],
  ['2026-03-31 12:00:00+05:30', true],
  ['2024-02-29T00:00:00Z', true],
  ['2026-12-31T23:59:60Z', true],
  ['2026-02-29T00:00:00Z', false],
  ['2026-02-30T00:00:00Z', false],
  ['2026-04-31T00:00:00Z', false],
  ['2026-13-01T00:00:00Z', false],
  ['2026-03-31T24:00:00Z', false],
  ['2026-03-31T12:00:00', false],
  ['2026-03-31', false],
  ['31/03/2026 12:00', false],
  ['', false],
];

describe('runtime formats', () => {
  it.each(dateTimeCases)('date-time %j is %s', (value, valid) => {
    expect(isDateTime(value)).toBe(valid);
  });

  it('agrees with ajv-formats on every date-time case above', () => {
    for (const [value] of dateTimeCases) {
      // ajv-formats allows leap seconds only at 23:59:60 UTC-adjusted; both accept this one.
      expect(isDateTime(value), value).toBe(referenceDateTime(value));
    }
  });

  it('agrees with ajv-formats on generated RFC 3339 timestamps and near misses', () => {
    const stamp = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('Z', '+00:00', '-07:30', '+14:00', ''),
      )
      .map(([y, mo, d, h, mi, s, zone]) => {
        const pad = (n: number, width = 2) => String(n).padStart(width, '0');
        return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${zone}`;
      });
    fc.assert(
      fc.property(stamp, (value) => isDateTime(value) === referenceDateTime(value)),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['https://docs.example.test/guides/errors#missing_required_field', true],
    ['urn:isbn:0451450523', true],
    ['mailto:someone@example.test', true],
    ['not a uri', false],
    ['/relative/path', false],
    ['https://example.test/a b', false],
    ['', false],
  ])('uri %j is %s', (value, valid) => {
    expect(isUri(value as string)).toBe(valid);
  });

  it('gives a URI the same verdict when asked again, before and after more URIs than it remembers', () => {
    const asked: Array<[string, boolean]> = [
      ['https://docs.example.test/guides/errors#a', true],
      ['https://example.test/a b', false],
      ...Array.from({ length: 300 }, (_, index): [string, boolean] =>
        index % 2 === 0 ? [`https://x.test/${index}`, true] : [`x ${index}`, false],
      ),
      [`https://x.test/${'a'.repeat(600)}`, true],
      [`https://x.test/${'a'.repeat(600)} b`, false],
    ];
    for (let pass = 0; pass < 3; pass++) {
      for (const [value, valid] of asked) expect(isUri(value), value).toBe(valid);
    }
  });

  it('counts code points, not UTF-16 units, like ajv', () => {
    expect(ucs2length('abc')).toBe(3);
    expect(ucs2length('😀')).toBe(1);
    expect(ucs2length('a😀b')).toBe(3);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (value) => ucs2length(value) === [...value].length));
  });

  it('compares JSON values structurally', () => {
    expect(equal({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(equal({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(equal([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(equal({ a: 1 }, { b: 1 })).toBe(false);
    fc.assert(fc.property(fc.jsonValue(), (value) => equal(value, structuredClone(value))));
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.jsonValue(),
        (a, b) => equal(a, b) === (JSON.stringify(a) === JSON.stringify(b)),
      ),
      { numRuns: 500 },
    );
  });
});
