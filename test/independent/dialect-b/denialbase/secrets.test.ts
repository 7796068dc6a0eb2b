import { describe, expect, it } from 'vitest';
import { withVendor } from '../kit/cases.js';
import { call, credential, operationUrl } from '../kit/client.js';
import { SENTINEL } from '../kit/sentinel.js';

describe('dialect B keeps credentials out of its answers', () => {
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
