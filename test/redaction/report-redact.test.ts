import { describe, expect, it } from 'vitest';
import {
  BODY_TEXT_LIMIT,
  REDACTED,
  redactJson,
  redactRunResult,
  redactText,
} from '../../src/report/redact.js';
import { fixtureResult } from '../report/fixtures.js';

describe('redactText', () => {
  it.each([
    [
      'a JSON member',
      '{"access_token": "abc123xyz", "scope": "read"}',
      '{"access_token": "[REDACTED]", "scope": "read"}',
    ],
    ['a camel-case member', '{"clientSecret":"s3cr3t-value"}', '{"clientSecret":"[REDACTED]"}'],
    ['a number member', '{"password": 12345678}', '{"password": "[REDACTED]"}'],
    ['a member in JSON cut short', '{"refresh_token":"rt-0001-abc', '{"refresh_token":"[REDACTED]"'],
    [
      'a form field',
      'grant_type=password&password=hunter22&user=a',
      'grant_type=password&password=[REDACTED]&user=a',
    ],
    ['a query parameter', '/oauth?token=t0k3n&x=1', '/oauth?token=[REDACTED]&x=1'],
    ['URL user info', 'https://user:pa55@host.invalid/x', 'https://[REDACTED]@host.invalid/x'],
    ['a bearer credential in prose', 'sent Bearer eyJ0.abc-123 twice', 'sent Bearer [REDACTED] twice'],
  ])('blanks %s', (_label, input, output) => {
    expect(redactText(input)).toBe(output);
  });

  it('leaves prose about credentials readable', () => {
    const prose = 'A Bearer token is required; the token endpoint answered invalid_grant (status=401).';
    expect(redactText(prose)).toBe(prose);
  });

  it('blanks known secret values wherever they appear, URL-encoded too', () => {
    expect(redactText('echo s3cr3t/+= and s3cr3t%2F%2B%3D', ['s3cr3t/+='])).toBe(
      `echo ${REDACTED} and ${REDACTED}`,
    );
  });
});

describe('redactJson', () => {
  it('blanks secret members at any depth and keeps the rest', () => {
    expect(redactJson({ a: [{ Token: 'x1', keep: 'y' }], password: { nested: 'z' } })).toEqual({
      a: [{ Token: REDACTED, keep: 'y' }],
      password: REDACTED,
    });
  });
});

describe('redactRunResult', () => {
  it('blanks every credential header whatever its case, and leaves others alone', () => {
    const result = redactRunResult(fixtureResult());
    const exchange = result.vendors[0]?.checks[1]?.exchanges[0];
    expect(exchange?.request.headers).toEqual({
      'content-type': 'application/json',
      Cookie: REDACTED,
      'Proxy-Authorization': REDACTED,
    });
    expect(exchange?.response?.headers['Set-Cookie']).toBe(REDACTED);
  });

  it('does not take literals or cookie attributes for secrets, so ordinary text elsewhere survives', () => {
    const result = fixtureResult();
    const check = result.vendors[0]?.checks[0];
    const exchange = check?.exchanges[0];
    if (!check || !exchange?.response) throw new Error('fixture changed');
    exchange.request.body = { text: '{"token": null, "password": false}', truncated: false };
    exchange.response.headers['Set-Cookie'] =
      'sid=abcdef123; Max-Age=360000; Path=/v1/claims; Domain=api.example.invalid';
    check.title =
      'null and false stay; Max-Age 360000 stays; /v1/claims at api.example.invalid stays; abcdef123 goes';
    expect(redactRunResult(result).vendors[0]?.checks[0]?.title).toBe(
      'null and false stay; Max-Age 360000 stays; /v1/claims at api.example.invalid stays; [REDACTED] goes',
    );
  });

  it('does not change the result it is given', () => {
    const original = fixtureResult();
    const copy = structuredClone(original);
    redactRunResult(original);
    expect(original).toEqual(copy);
  });

  it('cuts bodies longer than the limit and marks them as cut', () => {
    const result = fixtureResult();
    const exchange = result.vendors[0]?.checks[0]?.exchanges[0];
    if (exchange?.response)
      exchange.response.body = { text: 'x'.repeat(BODY_TEXT_LIMIT + 10), truncated: false };
    const body = redactRunResult(result).vendors[0]?.checks[0]?.exchanges[0]?.response?.body;
    expect(body?.text).toHaveLength(BODY_TEXT_LIMIT);
    expect(body?.truncated).toBe(true);
  });
});
