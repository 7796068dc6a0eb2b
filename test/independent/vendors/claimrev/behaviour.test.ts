import { describe, expect, it } from 'vitest';
import { bodyOf, codeOf } from '../../answers.js';
import { call, requestToken, send } from '../../call.js';
import { withVendor } from '../../with-vendor.js';

describe('ClaimRev credentials', () => {
  it('issues one-hour tokens: accepted just before the hour, refused with 401 after it, and a new token works', async () => {
    let now = Date.UTC(2026, 5, 1, 9, 0, 0);
    await withVendor(
      'claimrev',
      async (directory) => {
        const valid = directory.credentials.valid;
        if (valid?.kind !== 'oauthClient') throw new Error('the valid ClaimRev role is an OAuth client');
        const issued = await requestToken(valid);
        expect(issued.status).toBe(200);
        expect((bodyOf(issued) as { expires_in: number }).expires_in).toBe(3600);
        const readWith = (token: string) =>
          call(directory, {
            operation: 'getClaim',
            role: 'none',
            headers: { Authorization: `Bearer ${token}` },
            query: { accountNumber: '{{facts.accountNumber}}' },
          });
        const token = (bodyOf(issued) as { access_token: string }).access_token;
        now += 3_599_000;
        expect((await readWith(token)).status).toBe(200);
        now += 1_000;
        const lapsed = await readWith(token);
        expect(lapsed.status).toBe(401);
        expect(lapsed.headers['www-authenticate']).toMatch(/^Bearer /);
        const renewed = (bodyOf(await requestToken(valid)) as { access_token: string }).access_token;
        expect((await readWith(renewed)).status).toBe(200);
      },
      { now: () => now },
    );
  });

  it('answers invalid_client with 400 for form credentials and 401 with a challenge for HTTP Basic', async () => {
    await withVendor('claimrev', async (directory) => {
      const valid = directory.credentials.valid;
      if (valid?.kind !== 'oauthClient') throw new Error('the valid ClaimRev role is an OAuth client');
      const inForm = await requestToken(valid, { client_secret: 'not-it' });
      expect([inForm.status, codeOf('claimrev', inForm)]).toEqual([400, 'invalid_client']);
      const basic = Buffer.from(`${valid.clientId}:not-it`).toString('base64');
      const form = `grant_type=client_credentials&scope=${encodeURIComponent(valid.scope)}`;
      const viaBasic = await send(
        valid.tokenUrl,
        'POST',
        { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        Buffer.from(form),
      );
      expect([viaBasic.status, codeOf('claimrev', viaBasic)]).toEqual([401, 'invalid_client']);
      expect(viaBasic.headers['www-authenticate']).toMatch(/^Basic /);
    });
  });
});
