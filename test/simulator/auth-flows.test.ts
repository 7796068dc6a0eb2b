import { describe, expect, it } from 'vitest';
import { getVendor, vendorIds } from '../../src/index.js';
import { exchange, requestToken } from '../../src/scenarios/runner.js';
import { sendScenarioRequest, VirtualClock } from '../../src/simulator/index.js';
import type { CredentialRole } from '../../src/simulator/types.js';
import { codeOf, parseJson, useSimulator } from './helpers.js';

const clock = new VirtualClock();
const sim = useSimulator({ clock });

describe('test credentials', () => {
  it.each(vendorIds)(
    '%s offers valid, read-only, other-organisation and expired-or-revoked roles',
    (vendorId) => {
      const roles = sim().credentials(vendorId).roles;
      for (const role of ['valid', 'readOnly', 'otherOrganisation'] as CredentialRole[])
        expect(roles[role]).toBeDefined();
      expect(roles.expired ?? roles.revoked).toBeDefined();
    },
  );
});

describe('ClaimRev client credentials', () => {
  const tokenFor = async () => {
    const valid = sim().credentials('claimrev').roles.valid;
    if (valid?.kind !== 'oauthClient') throw new Error('expected client credentials');
    const answer = await requestToken(getVendor('claimrev').policy.authentication, valid);
    return JSON.parse(answer.body) as { access_token: string; expires_in: number; token_type: string };
  };

  const search = (token: string) =>
    exchange(
      `${sim().url('claimrev')}/api/v1/claims/search`,
      'POST',
      { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      Buffer.from('{"accountNumber":"1001"}'),
    );

  it('issues one-hour bearer tokens that stop working after the hour, until a new one is fetched', async () => {
    const token = await tokenFor();
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect((await search(token.access_token)).status).toBe(200);
    clock.advance(3_600_000 - 1);
    expect((await search(token.access_token)).status).toBe(200);
    clock.advance(1);
    const expired = await search(token.access_token);
    expect(expired.status).toBe(401);
    expect(expired.headers['www-authenticate']).toMatch(/^Bearer /);
    expect((await search((await tokenFor()).access_token)).status).toBe(200);
  });

  it('refuses a token issued for another environment with 401', async () => {
    expect((await search(sim().credentials('claimrev').facts.productionToken ?? '')).status).toBe(401);
  });
});

describe('Denialbase sign-in with a second factor', () => {
  const base = () => sim().url('denialbase');
  const json = (cookie?: string) => ({ 'content-type': 'application/json', ...(cookie ? { cookie } : {}) });

  it('answers 402 until the one-time code is sent, then lets the session through', async () => {
    const facts = sim().credentials('denialbase').facts;
    const signIn = await exchange(
      `${base()}/api/v1/sessions`,
      'POST',
      json(),
      Buffer.from(JSON.stringify({ email: facts.twoFactorEmail, password: facts.twoFactorPassword })),
    );
    expect(signIn.status).toBe(201);
    const cookie = signIn.headers['set-cookie']?.split(';')[0] ?? '';
    const before = await exchange(`${base()}/api/v1/denials`, 'GET', json(cookie), undefined);
    expect(before.status).toBe(402);
    expect(codeOf('denialbase', parseJson(before.body))).toBe('two_factor_required');
    const wrong = await exchange(
      `${base()}/api/v1/sessions/two_factor`,
      'POST',
      json(cookie),
      Buffer.from('{"code":"000000"}'),
    );
    expect(codeOf('denialbase', parseJson(wrong.body))).toBe('validation_failed');
    const right = await exchange(
      `${base()}/api/v1/sessions/two_factor`,
      'POST',
      json(cookie),
      Buffer.from(JSON.stringify({ code: facts.oneTimeCode })),
    );
    expect(right.status).toBe(200);
    expect((await exchange(`${base()}/api/v1/denials`, 'GET', json(cookie), undefined)).status).toBe(200);
  });

  it('refuses a wrong password with not_authenticated', async () => {
    const answer = await exchange(
      `${base()}/api/v1/sessions`,
      'POST',
      json(),
      Buffer.from('{"email":"avery@clinic-a.test","password":"nope"}'),
    );
    expect(answer.status).toBe(401);
    expect(codeOf('denialbase', parseJson(answer.body))).toBe('not_authenticated');
  });
});

describe('ownership and tiers on the happy path', () => {
  it('CaseXchange GET /firms/me reports the firm and the key tier', async () => {
    const answer = await sendScenarioRequest(
      { baseUrl: sim().url('casexchange'), credentials: sim().credentials('casexchange') },
      { method: 'GET', path: '/firms/me', role: 'readOnly' },
    );
    expect(answer.status).toBe(200);
    expect(parseJson(answer.body)).toMatchObject({ data: { apiKey: { tier: 'read_only' } } });
  });

  it('Collate accepts an edit with the current If-Match version and bumps the version', async () => {
    sim().reset('collate');
    const target = { baseUrl: sim().url('collate'), credentials: sim().credentials('collate') };
    const answer = await sendScenarioRequest(target, {
      method: 'PATCH',
      path: '/v1/prior-authorizations/pa_needs_answers',
      headers: { 'If-Match': '"3"' },
      json: { answers: [{ linkId: 'prior_imaging', value: true }] },
    });
    expect(answer.status).toBe(200);
    expect(parseJson(answer.body)).toMatchObject({ version: 4 });
  });
});
