import { describe, expect, it } from 'vitest';
import { unknownFields } from '../../src/conformance/index.js';
import { getVendor } from '../../src/index.js';

const schema = getVendor('collate').schema;

describe('unknownFields', () => {
  it('finds nothing in a body that uses only documented members', () => {
    const body = { error: { code: 'not_found', message: 'gone', retryable: false }, requestId: 'req_1' };
    expect(unknownFields(schema, body)).toEqual([]);
  });

  it('names each undocumented member by its JSON Pointer, at any depth', () => {
    const body = {
      error: { code: 'not_found', message: 'gone', retryable: false, hint: 'x' },
      requestId: 'req_1',
      'trace/id': 't',
    };
    expect(unknownFields(schema, body).map((note) => note.path)).toEqual(['/error/hint', '/trace~1id']);
  });

  it('accepts any member inside an object the schema leaves free-form', () => {
    const body = {
      error: { code: 'c', message: 'm', retryable: false, details: { anything: 1 } },
      requestId: 'r',
    };
    expect(unknownFields(schema, body)).toEqual([]);
  });
});
