import { describe, expect, it } from 'vitest';
import { withVendor } from './kit/cases.js';
import { call, credential, credentialHeader, operationUrl } from './kit/client.js';

/** Values no answer may contain, whatever they are sent as. */
const SENTINEL = 'sentinel0123456789abcdef01234567';

describe('dialect B keeps credentials out of its answers', () => {
  it('ClaimRev: client secrets, right or wrong', async () => {
    await withVendor('claimrev', [], async ({ directory }) => {
      const client = credential(directory, 'mainClient');
      if (client.kind !== 'oauthClient') throw new Error('mainClient is not an OAuth client');
      const form = (secret: string) =>
        new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: secret,
          scope: client.scope,
        });
      const send = (secret: string) =>
        call(client.tokenUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form(secret).toString(),
        });
      const wrong = await send(SENTINEL);
      const right = await send(client.clientSecret);
      expect(wrong.status).toBe(401);
      expect(wrong.text).not.toContain(SENTINEL);
      expect(right.text).not.toContain(client.clientSecret);
    });
  });

  it('CaseXchange and Foresight: API keys, known or not', async () => {
    for (const [vendor, prefix, read] of [
      ['casexchange', 'cxk_sbx_', 'getFirm'],
      ['foresight', 'fs_test_', 'getClaim'],
    ] as const) {
      await withVendor(vendor, [], async ({ directory }) => {
        const url = operationUrl(directory, read);
        const unknown = await call(url, { headers: { 'x-api-key': `${prefix}${SENTINEL}` } });
        expect(unknown.status).toBe(401);
        expect(unknown.text).not.toContain(SENTINEL);
        const known = await call(url, { headers: credentialHeader(directory, 'readOnlyKey') });
        expect(known.text).not.toContain(Object.values(credentialHeader(directory, 'readOnlyKey'))[0]);
      });
    }
  });

  it('Denialbase: sign-in secrets and session cookies', async () => {
    await withVendor('denialbase', [], async ({ directory }) => {
      const signIn = credential(directory, 'analyst');
      if (signIn.kind !== 'signIn') throw new Error('analyst is not a sign-in');
      const { login, secret } = (signIn.body as { user: { login: string; secret: string } }).user;
      const url = operationUrl(directory, signIn.operation);
      const wrong = await call(url, { method: 'POST', json: { user: { login, secret: SENTINEL } } });
      expect(wrong.status).toBe(401);
      expect(wrong.text).not.toContain(SENTINEL);
      const right = await call(url, { method: 'POST', json: signIn.body });
      expect(right.text).not.toContain(secret);
      const cookie = (right.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const read = await call(operationUrl(directory, 'getDenial'), { headers: { cookie } });
      expect(read.status).toBe(200);
      expect(read.text).not.toContain(cookie.split('=')[1] ?? SENTINEL);
    });
  });
});
