import { describe, expect, it } from 'vitest';
import { headerSecretParts, secretsOf } from '../../src/redaction/secrets.js';

/** One parser for every credential shape: what each must give as secrets (longest first). */
const cases: { title: string; credential: unknown; secrets: string[] }[] = [
  {
    title: 'an API key header',
    credential: { kind: 'header', header: 'X-API-Key', value: 'fs_key_123' },
    secrets: ['fs_key_123'],
  },
  {
    title: 'a bearer header',
    credential: { kind: 'header', header: 'Authorization', value: 'Bearer tok_abc123' },
    secrets: ['Bearer tok_abc123', 'tok_abc123'],
  },
  {
    title: 'a session cookie header',
    credential: { kind: 'header', header: 'Cookie', value: '_denialbase_session=sess_9f2k' },
    secrets: ['_denialbase_session=sess_9f2k', 'sess_9f2k'],
  },
  {
    title: 'an OAuth client, whose id, scope and token URL are public',
    credential: {
      kind: 'oauthClient',
      clientId: 'crv-client',
      clientSecret: 'crv_secret_1',
      scope: 'claims',
      tokenUrl: 'http://127.0.0.1/t',
    },
    secrets: ['crv_secret_1'],
  },
  { title: "the client's apiKey credentials", credential: { apiKey: 'key-123456' }, secrets: ['key-123456'] },
  { title: "the client's bearer credentials", credential: { token: 'tok-123456' }, secrets: ['tok-123456'] },
  { title: 'a value too short to search for', credential: { apiKey: 'abc' }, secrets: [] },
];

describe('secretsOf', () => {
  it.each(cases)('gives the secrets of $title', ({ credential, secrets }) => {
    expect(secretsOf(credential)).toEqual(secrets);
  });
});

describe('headerSecretParts', () => {
  it('leaves Set-Cookie attributes out, so dates and paths are never blanked as secrets', () => {
    expect(
      headerSecretParts('session=abcd1234; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly'),
    ).toEqual(['session=abcd1234; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly', 'abcd1234']);
  });

  it('keeps a cookie value whole when it holds "=" (base64 padding)', () => {
    expect(headerSecretParts('sid=YWJjZA==')).toEqual(['sid=YWJjZA==', 'YWJjZA==']);
  });
});
