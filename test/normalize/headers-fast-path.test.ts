import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HeaderReadResult, readHeaders, readHeadersOneByOne } from '../../src/normalize/headers.js';
import { vendorRules } from '../../src/normalize/vendor-rules.js';
import { vendorIds } from '../../src/vendors/registry.js';
import { RUNS } from '../property/arbitraries.js';

/*
 * readHeaders keeps a plain copy of headers that are already in the form raw.headers holds
 * (lower-case names, one string each, no credential header, no secrets to scrub) instead of
 * reading them one by one. These tests hold that fast path equal to the general one: same members
 * in the same order, each an own, enumerable, writable data property, the same lookups.
 */

const sensitive = vendorRules('collate').sensitiveHeaders;

/** Lower-case names a fast copy may keep, and names that must send it down the general path. */
const nameArbitrary = fc.oneof(
  fc.constantFrom(
    'content-type',
    'retry-after',
    'ratelimit',
    'x-ratelimit-reset',
    'date',
    'authorization',
    'x-api-key',
    'set-cookie',
    'Retry-After',
    'Content-Type',
    '__proto__',
    'constructor',
    'tostring',
    '0',
    '12',
    'İ',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 12 }).map((name) => name.toLowerCase()),
);
const valueArbitrary = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('', 'Bearer abc.def-123', '2', 'Tue, 31 Mar 2026 12:00:00 GMT') },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.constant(undefined)) },
);
const recordArbitrary = fc.array(fc.tuple(nameArbitrary, valueArbitrary), { maxLength: 6 }).map((entries) => {
  const record: Record<string, unknown> = {};
  for (const [name, value] of entries)
    Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  return record;
});

function descriptors(object: Record<string, string>) {
  return Reflect.ownKeys(object).map((key) => [key, Object.getOwnPropertyDescriptor(object, key)]);
}

function expectSameReading(fast: HeaderReadResult, general: HeaderReadResult, names: readonly string[]) {
  expect(fast.problem).toEqual(general.problem);
  expect(descriptors(fast.redacted)).toEqual(descriptors(general.redacted));
  expect(Object.getPrototypeOf(fast.redacted)).toBe(Object.getPrototypeOf(general.redacted));
  for (const name of [...names, ...names.map((each) => each.toLowerCase()), 'retry-after', 'constructor'])
    expect(fast.headers.get(name)).toBe(general.headers.get(name));
}

describe('readHeaders fast path for plain headers', () => {
  it('reads any plain object of headers as the member-by-member path does', () => {
    fc.assert(
      fc.property(recordArbitrary, (record) => {
        const fast = readHeaders(record, sensitive, []);
        const general = readHeadersOneByOne(record, sensitive, []);
        expectSameReading(fast, general, Object.keys(record));
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('reads the headers every vendor sees in the benchmark and the fixtures alike on both paths', () => {
    const record = {
      'content-type': 'application/json',
      'retry-after': '2',
      date: 'Tue, 31 Mar 2026 12:00:00 GMT',
      'x-ratelimit-reset': '1774958460',
    };
    for (const vendorId of vendorIds) {
      const names = vendorRules(vendorId).sensitiveHeaders;
      const fast = readHeaders(record, names, []);
      expect(fast.redacted).not.toBe(record);
      expectSameReading(fast, readHeadersOneByOne(record, names, []), Object.keys(record));
    }
  });

  it('leaves symbol-keyed members out, as the member-by-member path does', () => {
    const record = { 'content-type': 'text/plain', [Symbol('hidden')]: 'x' };
    const fast = readHeaders(record, sensitive, []);
    expect(Reflect.ownKeys(fast.redacted)).toEqual(['content-type']);
    expectSameReading(fast, readHeadersOneByOne(record, sensitive, []), ['content-type']);
  });

  it('blanks a credential header and scrubs secrets on the general path', () => {
    const record = { authorization: 'Bearer tok-123456', 'x-echo': 'tok-123456' };
    const read = readHeaders(record, sensitive, ['tok-123456']);
    expect(read.redacted).toEqual({ authorization: '[REDACTED]', 'x-echo': '[REDACTED]' });
    expect(read.headers.get('authorization')).toBe('Bearer tok-123456');
  });

  it('asks a getter once per header', () => {
    let reads = 0;
    const record = {
      get 'retry-after'() {
        reads++;
        return '2';
      },
    };
    const read = readHeaders(record, sensitive, []);
    expect(reads).toBe(1);
    expect(read.headers.get('retry-after')).toBe('2');
  });
});
