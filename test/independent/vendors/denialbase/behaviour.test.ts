import { describe, expect, it } from 'vitest';
import { bodyOf, codeOf } from '../../answers.js';
import { type Answer, call } from '../../call.js';
import type { VendorDirectory } from '../../types.js';
import { idOf, withVendor } from '../../with-vendor.js';

describe('Denialbase sessions', () => {
  const cookieOf = (answer: Answer) => answer.headers['set-cookie']?.split(';')[0] ?? '';

  it('signs in with e-mail and password and serves the new session', async () => {
    await withVendor('denialbase', async (directory) => {
      const signedIn = await call(directory, {
        operation: 'signIn',
        role: 'none',
        json: { email: '{{facts.email}}', password: '{{facts.password}}' },
      });
      expect(signedIn.status).toBe(200);
      expect(cookieOf(signedIn)).toMatch(/^_dnb_sid=/);
      const read = await call(directory, {
        operation: 'listDenials',
        role: 'none',
        headers: { Cookie: cookieOf(signedIn) },
      });
      expect(read.status).toBe(200);
    });
  });

  it('holds a two-factor sign-in at 402 until the one-time code is given', async () => {
    await withVendor('denialbase', async (directory) => {
      const pending = await call(directory, {
        operation: 'signIn',
        role: 'none',
        json: { email: '{{facts.twoFactorEmail}}', password: '{{facts.twoFactorPassword}}' },
      });
      expect([pending.status, codeOf('denialbase', pending)]).toEqual([402, 'two_factor_required']);
      const held = { Cookie: cookieOf(pending) };
      expect((await call(directory, { operation: 'listDenials', role: 'none', headers: held })).status).toBe(
        402,
      );
      const submit = (code: string) =>
        call(directory, {
          operation: 'completeSecondFactor',
          role: 'none',
          headers: held,
          json: { otp_attempt: code },
        });
      expect((await submit('000000')).status).toBe(402);
      const done = await submit('{{facts.oneTimeCode}}');
      expect(done.status).toBe(200);
      const read = await call(directory, {
        operation: 'listDenials',
        role: 'none',
        headers: { Cookie: cookieOf(done) },
      });
      expect(read.status).toBe(200);
    });
  });
});

describe('idempotency keys', () => {
  const denial = { claim_number: 'CN-3001', denial_type: 'coding', amount_cents: 1_200 };
  const countDenials = async (directory: VendorDirectory) =>
    (bodyOf(await call(directory, { operation: 'listDenials' })) as { claim_denials: unknown[] })
      .claim_denials.length;
  it('Denialbase answers a key reused with another body with the original result and creates nothing', async () => {
    await withVendor('denialbase', async (directory) => {
      const key = { 'Idempotency-Key': '1d1c5a1e-9b0e-4d55-8f0b-77a6c1e2d3f4' };
      const first = await call(directory, { operation: 'createDenial', headers: key, json: denial });
      const before = await countDenials(directory);
      const reused = await call(directory, {
        operation: 'createDenial',
        headers: key,
        json: { ...denial, amount_cents: 7 },
      });
      expect(reused.status).toBe(first.status);
      expect(idOf(reused)).toBe(idOf(first));
      expect(await countDenials(directory)).toBe(before);
    });
  });
  it('Denialbase with the duplicate bug creates a second denial for a repeated key', async () => {
    await withVendor(
      'denialbase',
      async (directory) => {
        const key = { 'Idempotency-Key': '0e0f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b' };
        const first = await call(directory, { operation: 'createDenial', headers: key, json: denial });
        const again = await call(directory, { operation: 'createDenial', headers: key, json: denial });
        expect(idOf(again)).not.toBe(idOf(first));
      },
      { bugs: ['denialbase.replay-creates-duplicate'] },
    );
  });
});
