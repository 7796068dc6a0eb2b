import { describe, expect, it } from 'vitest';
import { UnknownEnvelopeError, validateError } from '../../src/index.js';

const valid = {
  error: { code: 'not_found', message: 'No such denial.', request_id: 'req_01J9K7V5M3P8A2B1C6D4E7F9' },
};

describe('validateError input forms', () => {
  it('accepts parsed JSON, JSON text and UTF-8 bytes alike', () => {
    const text = JSON.stringify(valid);
    for (const body of [valid, text, new TextEncoder().encode(text)]) {
      expect(validateError('denialbase', body)).toEqual({ valid: true, envelope: valid });
    }
  });

  it.each([
    ['an empty string', '', /empty/],
    ['white space', '  \n', /empty/],
    ['no body at all', undefined, /absent/],
    ['an HTML error page from a proxy', '<html><body>502 Bad Gateway</body></html>', /HTML/],
    ['truncated JSON', '{"error": {"code": "not_fo', /not JSON/],
    ['invalid UTF-8 bytes', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]), /UTF-8/],
  ])('reports %s as invalid with a clear message, without throwing', (_label, body, message) => {
    const result = validateError('denialbase', body);
    expect(result.valid).toBe(false);
    if (!result.valid) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.path).toBe('');
      expect(result.errors[0]?.message).toMatch(message);
    }
  });

  it('accepts any body for ClaimRev, whose error shape is not promised', () => {
    for (const body of ['<html>oops</html>', '', { anything: true }, [1, 2], 'plain text']) {
      expect(validateError('claimrev', body).valid).toBe(true);
    }
  });

  it('points a missing property at the property itself', () => {
    const result = validateError('denialbase', { error: { code: 'x', message: 'y' } });
    expect(result).toEqual({
      valid: false,
      errors: [{ path: '/error/request_id', message: "must have required property 'request_id'" }],
    });
  });

  it('lists the allowed values when an enum does not match', () => {
    const result = validateError('foresight', {
      error: {
        type: 'teapot_error',
        code: 'x',
        message: 'm',
        requestId: 'req_1',
        docsUrl: 'https://a.test/',
      },
    });
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors[0]?.message).toContain('"rate_limit_error"');
  });

  it('tolerates fields the vendor may add later', () => {
    const extended = { ...valid, error: { ...valid.error, hint: 'new field' }, trace: 'abc' };
    expect(validateError('denialbase', extended).valid).toBe(true);
  });

  it('throws a typed error for an envelope name the vendor lacks', () => {
    expect(() => validateError('collate', {}, { schema: 'tokenError' as never })).toThrow(
      UnknownEnvelopeError,
    );
  });
});
