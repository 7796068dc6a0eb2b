import { describe, expect, it } from 'vitest';
import { parsePointer, readPointer, setAtPointer } from '../../src/normalize/json-pointer.js';

describe('the JSON Pointer reader and writer', () => {
  it('a value written at a pointer with escaped tokens is read back at the same pointer', () => {
    const body: Record<string, unknown> = { error: { kept: true } };
    setAtPointer(body, '/error/a~1b/c~0d', 'req_1');
    expect(body).toEqual({ error: { kept: true, 'a/b': { 'c~d': 'req_1' } } });
    expect(readPointer(body, parsePointer('/error/a~1b/c~0d'))).toBe('req_1');
  });

  it('writing at the root pointer or into a non-object changes nothing', () => {
    const body = { code: 'x' };
    setAtPointer(body, '', 'replaced');
    setAtPointer('text', '/code', 'replaced');
    expect(body).toEqual({ code: 'x' });
  });

  it('an inherited member is not read as data', () => {
    expect(readPointer({}, parsePointer('/constructor'))).toBeUndefined();
  });
});
