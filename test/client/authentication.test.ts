import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  createClient,
  ErrorContractsError,
  getVendor,
  type VendorId,
  vendorIds,
} from '../../src/index.js';
import { credentialSourceOf } from '../../src/vendors/authentication.js';
import {
  BASE_URL,
  clientHarness,
  handedSecret,
  mockTokenEndpoint,
  TOKEN_ORIGIN,
} from '../helpers/client-harness.js';
import { isolateNetwork } from '../helpers/nock-isolation.js';
import { envelopeWithCode } from '../helpers/vendor-bodies.js';

isolateNetwork({ strict: true });

/**
 * The header a handed-over credential must arrive in, read from the vendor's policy data: its
 * header, its prefix, then the secret the client was given (a session's whole cookie).
 */
function expectedHeader(vendorId: VendorId, secret: string): [string, string] {
  const { header, prefix = '' } = getVendor(vendorId).policy.authentication;
  return [header.toLowerCase(), `${prefix}${handedSecret(vendorId, secret)}`];
}

describe('createClient authentication', () => {
  const staticVendors = vendorIds.filter(
    (id) => credentialSourceOf(getVendor(id).policy.authentication) !== 'token_exchange',
  );

  it.each(staticVendors)('%s: sends the credential its scheme requires', async (vendorId) => {
    const [name, value] = expectedHeader(vendorId, 's3cr3t-value');
    nock(BASE_URL)
      .get('/me')
      .matchHeader(name, value)
      .reply(200, { ok: true }, { 'content-type': 'application/json' });
    const { client } = clientHarness(vendorId, 's3cr3t-value');
    await expect(client.request('GET', '/me')).resolves.toMatchObject({ body: { ok: true } });
  });

  it('ClaimRev: exchanges client credentials for a bearer token and caches it for its lifetime', async () => {
    let form = '';
    nock(TOKEN_ORIGIN)
      .post('/oauth2/token', (body) => {
        form = new URLSearchParams(body as Record<string, string>).toString();
        return true;
      })
      .reply(200, { access_token: 'token-a', expires_in: 3600 });
    nock(BASE_URL).get('/claims').times(2).matchHeader('authorization', 'Bearer token-a').reply(200, []);
    const { client, clock } = clientHarness('claimrev', 'client-secret-1');
    await client.request('GET', '/claims');
    clock.now += 30 * 60_000;
    await client.request('GET', '/claims');
    expect(new URLSearchParams(form).get('grant_type')).toBe('client_credentials');
    expect(new URLSearchParams(form).get('client_secret')).toBe('client-secret-1');
  });

  it('ClaimRev: fetches a new token once the cached one is about to expire', async () => {
    const [first, second] = mockTokenEndpoint(2, 3600);
    nock(BASE_URL)
      .get('/claims')
      .matchHeader('authorization', `Bearer ${first}`)
      .reply(200, [])
      .get('/claims')
      .matchHeader('authorization', `Bearer ${second}`)
      .reply(200, []);
    const { client, clock } = clientHarness('claimrev', 'client-secret-1');
    await client.request('GET', '/claims');
    clock.now += 3600 * 1000;
    await client.request('GET', '/claims');
  });

  it('ClaimRev: 401, then a refreshed token, then 200', async () => {
    const [first, second] = mockTokenEndpoint(2);
    nock(BASE_URL)
      .get('/claims')
      .matchHeader('authorization', `Bearer ${first}`)
      .reply(401, 'expired')
      .get('/claims')
      .matchHeader('authorization', `Bearer ${second}`)
      .reply(200, []);
    const { client, sleeps } = clientHarness('claimrev', 'client-secret-1');
    await expect(client.request('GET', '/claims')).resolves.toMatchObject({ status: 200, attempts: 2 });
    expect(sleeps).toEqual([]);
  });

  it('ClaimRev: a second 401 after the one refresh is final', async () => {
    mockTokenEndpoint(2);
    nock(BASE_URL).get('/claims').times(2).reply(401, 'nope');
    const { client } = clientHarness('claimrev', 'client-secret-1');
    const error = await client.request('GET', '/claims').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'ERR_VENDOR_AUTHENTICATION', status: 401, attempts: 2 });
  });

  it('ClaimRev: a token-endpoint refusal is an AuthenticationError read with the token reader', async () => {
    nock(TOKEN_ORIGIN)
      .post('/oauth2/token')
      .reply(401, { error: 'invalid_client', error_description: 'unknown client' });
    const { client } = clientHarness('claimrev', 'client-secret-1');
    const error = await client.request('GET', '/claims').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ normalized: { code: 'invalid_client', action: 'fix_credentials' } });
  });

  it('Denialbase: signs in once after a 401 and repeats the call with the new cookie', async () => {
    let signIns = 0;
    nock(BASE_URL)
      .get('/denials')
      .matchHeader('cookie', 'session=old-session')
      .reply(401, envelopeWithCode('denialbase', 'not_authenticated'))
      .get('/denials')
      .matchHeader('cookie', 'session=new-session')
      .reply(200, []);
    const { client } = clientHarness('denialbase', 'old-session', {
      credentials: {
        cookie: 'session=old-session',
        signIn: async () => {
          signIns++;
          return 'session=new-session';
        },
      },
    });
    await expect(client.request('GET', '/denials')).resolves.toMatchObject({ status: 200 });
    expect(signIns).toBe(1);
  });

  it('Denialbase: without a signIn function a 401 is final', async () => {
    nock(BASE_URL).get('/denials').reply(401, envelopeWithCode('denialbase', 'not_authenticated'));
    const { client } = clientHarness('denialbase', 'old-session');
    await expect(client.request('GET', '/denials')).rejects.toBeInstanceOf(AuthenticationError);
  });

  it.each(vendorIds)('%s: credentials missing what the scheme needs fail at construction', (vendorId) => {
    expect(() => createClient(vendorId, { baseUrl: BASE_URL, credentials: {} as never })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_CREDENTIALS' }),
    );
    expect(() => createClient(vendorId, { baseUrl: BASE_URL, credentials: {} as never })).toThrow(
      ErrorContractsError,
    );
  });
});
