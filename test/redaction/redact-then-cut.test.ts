import { describe, expect, it } from 'vitest';
import { normalizeError } from '../../src/index.js';

/**
 * Text is redacted before it is cut: cutting first leaves the start of a secret that straddles
 * the cut, which the redaction then no longer recognises (35 of 38 characters, say).
 */
const SECRET = 'SENTINEL-3c9d1e7a-secret-value-0b5f2a';
const PREFIX = SECRET.slice(0, 12);
const redact = { secrets: [SECRET] };

function collateBody(message: string, requestId = 'req_0123456789abcdef01234567') {
  return JSON.stringify({ error: { code: 'bad_request', message }, requestId });
}

describe('redaction before truncation in normalizeError', () => {
  it('blanks a secret across the end of a long message', () => {
    const message = `${'m'.repeat(965)} ${SECRET} tail`;
    const normalized = normalizeError(
      'collate',
      { status: 400, headers: {}, body: collateBody(message) },
      { redact },
    );
    expect(JSON.stringify(normalized)).not.toContain(PREFIX);
    expect(normalized.message).toContain('m'.repeat(100));
  });

  it('blanks a secret across the end of a long request id, in the id and in the problem naming it', () => {
    const requestId = `${'r'.repeat(170)}${SECRET}`;
    const normalized = normalizeError(
      'collate',
      { status: 400, headers: {}, body: collateBody('bad', requestId) },
      { redact },
    );
    expect(JSON.stringify(normalized)).not.toContain(PREFIX);
    expect(normalized.requestId).toMatch(/^r{170}/);
  });

  it('blanks a secret across the cut of a body too large to parse', () => {
    const body = `${'b'.repeat(20)}${SECRET}${'z'.repeat(500)}`;
    const normalized = normalizeError(
      'collate',
      { status: 500, headers: {}, body },
      { redact, maxBodyBytes: 100, maxRawBodyChars: 50 },
    );
    expect(normalized.raw.bodyTruncated).toBe(true);
    expect(normalized.raw.body.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(normalized)).not.toContain(PREFIX);
  });
});
