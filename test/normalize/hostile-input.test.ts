import { describe, expect, it } from 'vitest';
import { type NormalizedError, normalizeError, vendorIds } from '../../src/index.js';

const deepJson = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
const severalMegabytes = `{"error":{"code":"x","message":"${'a'.repeat(3 * 1024 * 1024)}"}}`;

const hostileInputs: Array<[string, unknown]> = [
  ['an HTML page from a proxy', { status: 502, body: '<!doctype html><title>502</title>' }],
  ['a plain-text body', { status: 503, body: 'upstream connect error' }],
  ['an empty body', { status: 500, body: '' }],
  ['no body at all', { status: 500 }],
  ['truncated JSON', { status: 400, body: '{"error":{"code":"valid' }],
  ['invalid UTF-8', { status: 400, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x22, 0xc3]) }],
  ['very deep nesting', { status: 400, body: deepJson }],
  ['a body of several megabytes', { status: 500, body: severalMegabytes }],
  [
    '__proto__ and constructor keys',
    {
      status: 400,
      body: '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"error":{"__proto__":{"code":"x"}}}',
    },
  ],
  ['an array where an object belongs', { status: 400, body: '[{"error":{"code":"x"}}]' }],
  [
    'numbers as strings',
    { status: '429', headers: { 'retry-after': '3' }, body: '{"error":{"code":123,"message":456}}' },
  ],
  ['a 200 passed by mistake', { status: 200, body: '{"ok":true}' }],
  ['a status that is not a number', { status: 'soon', body: '' }],
  ['a null response', null],
  ['headers that are an array', { status: 500, headers: [['a', 'b']] }],
  [
    'headers with odd values',
    { status: 500, headers: { a: undefined, b: null, c: 5, d: ['x', 'y'], __proto__: 'z' } },
  ],
  ['a Headers instance', { status: 429, headers: new Headers({ 'Retry-After': '2' }) }],
];

describe.each(vendorIds)('normalizeError(%s) on hostile input', (vendorId) => {
  it.each(hostileInputs)('returns a result for %s', (_name, input) => {
    const result: NormalizedError = normalizeError(vendorId, input as never);
    expect(result.vendor).toBe(vendorId);
    expect(typeof result.message).toBe('string');
    expect(result.problems.some((problem) => problem.kind === 'normalizer_failure')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('normalizeError limits', () => {
  it('does not parse a body beyond the cap, and says so', () => {
    const result = normalizeError('denialbase', { status: 500, body: severalMegabytes });
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'body_too_large' }));
    expect(result.code).toBeNull();
    expect(result.raw.bodyTruncated).toBe(true);
    expect(result.raw.body.length).toBe(8 * 1024);
  });

  it('honours a configured cap', () => {
    const result = normalizeError('denialbase', { status: 500, body: '{"error":{}}' }, { maxBodyBytes: 4 });
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'body_too_large' }));
  });

  it('keeps a non-JSON body as text and records why', () => {
    const result = normalizeError('foresight', { status: 502, body: '<html>bad gateway</html>' });
    expect(result.conforms).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'body_not_json' }));
    expect(result.category).toBe('server');
  });

  it('records a 200 as not an error status and does not ask for a retry', () => {
    const result = normalizeError('collate', { status: 200, body: '{}' });
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'not_an_error_status' }));
    expect(result.retryable).toBe(false);
  });

  it('never reads an inherited member as the code', () => {
    const result = normalizeError('denialbase', { status: 400, body: '{"error":{}}' });
    expect(result.code).toBeNull();
    const constructorCode = normalizeError('denialbase', {
      status: 400,
      body: '{"error":{"code":"constructor"}}',
    });
    expect(constructorCode.problems).toContainEqual(expect.objectContaining({ kind: 'unknown_code' }));
  });

  it('keeps a header named __proto__ as an own member of raw.headers', () => {
    const headers = JSON.parse('{"__proto__":"x"}') as Record<string, string>;
    const result = normalizeError('denialbase', { status: 500, headers });
    expect(Object.hasOwn(result.raw.headers, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(result.raw.headers)).toBe(Object.prototype);
  });

  it('keeps headers named like Object.prototype members as own data, beside ordinary ones', () => {
    const result = normalizeError('denialbase', {
      status: 500,
      headers: { constructor: 'c', toString: 't', hasOwnProperty: 'h', 'x-trace': 'x' },
    });
    expect(Object.entries(result.raw.headers)).toEqual([
      ['constructor', 'c'],
      ['tostring', 't'],
      ['hasownproperty', 'h'],
      ['x-trace', 'x'],
    ]);
    expect(Object.getPrototypeOf(result.raw.headers)).toBe(Object.prototype);
  });
});
