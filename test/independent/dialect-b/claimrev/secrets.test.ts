import { describe, expect, it } from 'vitest';
import { withVendor } from '../kit/cases.js';
import { call, credential } from '../kit/client.js';
import { SENTINEL } from '../kit/sentinel.js';

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
});
