import { describe, expect, it } from 'vitest';
import { fetchHeaderEntries } from '../../src/client/fetch-headers.js';

/** What `new Headers(record)` iterates, or undefined when it throws a TypeError. */
function headersEntries(record: Record<string, string>): [string, string][] | undefined {
  try {
    return [...new Headers(record)];
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

const cases: Record<string, Record<string, string>> = {
  'no headers': {},
  'lower-case names, unsorted': {
    'x-api-key': 'k_123',
    authorization: 'Bearer t',
    accept: 'application/json',
  },
  'names in any case': { Authorization: 'Bearer t', 'X-Api-Key': 'k' },
  'outer whitespace': { authorization: ' \tBearer t \r\n', 'x-empty': '   ' },
  'inner whitespace kept': { authorization: 'Bearer  a\tb' },
  'one name in two cases': { 'x-trace': 'a', 'X-Trace': 'b', 'X-TRACE': 'c' },
  'set-cookie in two cases': { 'Set-Cookie': 'a=1', 'set-cookie': 'b=2', cookie: 'c=3' },
  'a latin-1 value': { 'x-name': 'caf\u00e9' },
  'a line break inside': { authorization: 'Bearer a\nb' },
  'a carriage return inside': { authorization: 'Bearer a\rb' },
  'a NUL inside': { authorization: 'Bearer a\0b' },
  'a character beyond one byte': { authorization: 'Bearer \u20ac' },
  'a space in the name': { 'x api key': 'k' },
  'an empty name': { '': 'k' },
  'a colon in the name': { 'x:key': 'k' },
  'a wide character in the name': { 'x-\u00e9': 'k' },
  'token punctuation in the name': { "x!#$%&'*+.^_`|~-key": 'k' },
};

describe('fetchHeaderEntries', () => {
  it.each(Object.entries(cases))('iterates as new Headers does: %s', (_name, record) => {
    expect(fetchHeaderEntries(record)).toEqual(headersEntries(record));
  });
});
