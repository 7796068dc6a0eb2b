/**
 * A check is redacted as it is recorded with the secrets collected once, from its exchanges as they
 * were sent (conformance/redact-check.ts). These compare that with collecting them a second time
 * from the scrubbed copy, and show that secrets found only in a header, inside a longer value or in
 * an encoded form are blanked everywhere.
 */
import { describe, expect, it } from 'vitest';
import { exchangeSecrets, redactCheck } from '../../src/conformance/redact-check.js';
import { redactJson } from '../../src/redaction/json.js';
import { redactCheckResult } from '../../src/report/redact.js';
import type { CheckResult } from '../../src/report/result.js';

const baseUrl = 'https://sandbox.collate.example/v1';
const HEADER_ONLY = 'hdr-SENTINEL-7c1f0a';
const MEMBER_ONLY = 'member-SENTINEL-52be';
const FORM_ONLY = 'form-SENTINEL-913d';
const USERINFO_ONLY = 'userinfo-SENTINEL-4a0e';
const base64 = (text: string) => Buffer.from(text).toString('base64');

function checkEchoing(): CheckResult {
  return {
    id: 'code.unauthorized',
    path: 'unauthenticated',
    title: 'unauthorized comes back as documented',
    outcome: 'fail',
    requests: 2,
    simulatedWaitMs: 0,
    durationMs: 1,
    failures: [
      {
        message: `The answer quoted the key x${HEADER_ONLY}y and ${encodeURIComponent(FORM_ONLY)}`,
        expected: 'no credential',
        actual: { echoed: `${MEMBER_ONLY}-suffix`, encoded: base64(`key:${HEADER_ONLY}`) },
      },
    ],
    drift: [{ message: `Hex ${Buffer.from(USERINFO_ONLY).toString('hex')} in the answer` }],
    exchanges: [
      {
        atMs: 0,
        request: {
          method: 'POST',
          url: `https://svc:${USERINFO_ONLY}@sandbox.collate.example/v1/login`,
          headers: {
            authorization: `Bearer ${HEADER_ONLY}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: { text: `user=a&password=${FORM_ONLY}`, truncated: false },
        },
        response: {
          status: 401,
          headers: { 'content-type': 'application/json' },
          body: {
            text: JSON.stringify({
              client_secret: MEMBER_ONLY,
              message: `Token prefix${HEADER_ONLY}suffix is unknown; ${HEADER_ONLY.replace('-', '\\u002d')}`,
              seen: base64(`pad${HEADER_ONLY}`),
            }),
            truncated: false,
          },
        },
      },
    ],
  } as CheckResult;
}

describe('a check redacted as it is recorded', () => {
  it('is the check that collecting the secrets again from the scrubbed copy gives', () => {
    const check = checkEchoing();
    const secrets = exchangeSecrets('collate', baseUrl, check.exchanges);
    const twice = redactCheckResult(redactJson(check, { secrets }) as CheckResult, secrets, [baseUrl]);
    expect(JSON.stringify(redactCheck('collate', baseUrl, check))).toBe(JSON.stringify(twice));
  });

  it('blanks a secret seen only in a header, a member, a form field or user info, wherever it turns up', () => {
    const text = JSON.stringify(redactCheck('collate', baseUrl, checkEchoing()));
    for (const secret of [HEADER_ONLY, MEMBER_ONLY, FORM_ONLY, USERINFO_ONLY]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(encodeURIComponent(secret));
      expect(text).not.toContain(Buffer.from(secret).toString('hex'));
    }
    expect(text).not.toContain(base64(`key:${HEADER_ONLY}`).slice(8, -4));
    expect(text).not.toContain('7c1f0a');
  });
});
