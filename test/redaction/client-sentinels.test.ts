import { inspect } from 'node:util';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { getVendor, normalizeError, type VendorId, vendorIds } from '../../src/index.js';
import { BASE_URL, clientHarness, TOKEN_ORIGIN } from '../helpers/client-harness.js';
import { isolateNetwork } from '../helpers/nock-isolation.js';

isolateNetwork({ strict: false });

// Each holds a "-" and a "/", so that its JSON-escaped echoes (\u002d, \/) differ from it.
const SECRET = 'SENTINEL-credential-5b1e7d/x';
const TOKEN = 'SENTINEL-token-9c2f44/x';
const PASSWORD = 'SENTINEL-password-11aa';
const PHI = 'SENTINEL-patient-Roe';
const SENTINELS = [SECRET, TOKEN, PASSWORD, PHI];

/** The spellings a .NET or PHP server gives a value inside a JSON string: quoted, \u-escaped, \/-escaped. */
function escapedEchoes(value: string): string {
  return ` \\"${value}\\" ${value.replace(/-/g, '\\u002d')} ${value.replace(/\//g, '\\/')}`;
}

/**
 * A server that repeats every credential it was sent (the configured secret, and for ClaimRev the
 * token the client obtained with it) in its body and its headers, in the body also JSON-escaped.
 */
function echoingReply(status: number) {
  return function (this: { req: { headers: Record<string, string> } }) {
    const seen = Object.values(this.req.headers).join(' | ');
    const authorization = this.req.headers.authorization ?? 'none';
    const body = JSON.stringify({
      error: { code: 'echo', message: `you sent ${seen} and ${SECRET} ECHOES` },
      message: `auth ${authorization}`,
    }).replace('ECHOES', `${escapedEchoes(SECRET)}${escapedEchoes(authorization.replace('Bearer ', ''))}`);
    return [
      status,
      body,
      {
        'X-Echo': seen,
        'Set-Cookie': `session=${SECRET}`,
        'X-Echo-Auth': authorization.replace('Bearer ', ''),
        'Content-Type': 'application/json',
      },
    ] as [number, unknown, Record<string, string>];
  };
}

function mockCredentialExchange(vendorId: VendorId): void {
  if (getVendor(vendorId).policy.authentication.scheme === 'oauth2_client_credentials') {
    nock(TOKEN_ORIGIN).post('/oauth2/token').times(3).reply(200, { access_token: TOKEN, expires_in: 3600 });
  }
}

/** Every way a value can leave the library: as data, as JSON, and as Node prints it. */
function everyRendering(value: unknown): string {
  return [
    JSON.stringify(value) ?? '',
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  ].join('\n');
}

/** A text as a decoder would read it: JSON escapes undone, twice over for text serialised twice. */
function decoded(text: string): string {
  let result = text;
  for (let pass = 0; pass < 2; pass++) {
    result = result
      .replace(/\\+u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
      .replace(/\\+(["/])/g, '$1');
  }
  return result;
}

function expectNoSentinel(rendered: string): void {
  for (const sentinel of SENTINELS) {
    expect(rendered).not.toContain(sentinel);
    expect(decoded(rendered)).not.toContain(sentinel);
  }
}

describe.each(vendorIds)('%s never lets a secret out', (vendorId) => {
  it('through log lines, retry events, thrown errors or support bundles', async () => {
    mockCredentialExchange(vendorId);
    nock(BASE_URL)
      .get('/read')
      .reply(echoingReply(503))
      .get('/read')
      .reply(200, {})
      .post('/write')
      .times(8)
      .reply(echoingReply(400));
    const { client, logs, retries } = clientHarness(vendorId, SECRET);
    await client.request('GET', '/read');
    const error = await client
      .request('POST', '/write', {
        body: { password: PASSWORD, patient: { patientName: PHI }, note: `key ${SECRET}` },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(logs.length).toBeGreaterThan(0);
    expect(retries.length).toBe(1);
    expectNoSentinel(everyRendering(logs));
    expectNoSentinel(everyRendering(retries));
    expectNoSentinel(everyRendering(error));
    expectNoSentinel(`${(error as Error).message}\n${(error as Error).stack ?? ''}`);
  });

  it('through normalizeError when the caller names its secrets', () => {
    const result = normalizeError(
      vendorId,
      {
        status: 401,
        headers: { Authorization: `Bearer ${TOKEN}`, 'X-API-Key': SECRET, 'X-Echo': `${SECRET} ${TOKEN}` },
        body: JSON.stringify({
          error: { code: 'x', message: `bad ${SECRET}`, details: [{ field: SECRET, message: TOKEN }] },
        }),
      },
      { redact: { secrets: [SECRET, TOKEN] } },
    );
    expectNoSentinel(everyRendering(result));
  });
});

describe('credential exchanges never let a secret out', () => {
  it('ClaimRev: a refused token request that echoes the client secret', async () => {
    nock(TOKEN_ORIGIN)
      .post('/oauth2/token')
      .reply(
        401,
        `{"error":"invalid_client","error_description":"secret ${escapedEchoes(SECRET)} is wrong"}`,
        { 'Content-Type': 'application/json' },
      );
    const { client, logs } = clientHarness('claimrev', SECRET);
    const error = await client.request('GET', '/claims').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'AuthenticationError' });
    expectNoSentinel(everyRendering(error));
    expectNoSentinel(everyRendering(logs));
  });

  it('Denialbase: a cookie obtained by signing in again', async () => {
    nock(BASE_URL).get('/denials').reply(401, {}).get('/denials').times(7).reply(echoingReply(500));
    const { client, logs } = clientHarness('denialbase', 'first-cookie', {
      credentials: { cookie: 'session=first-cookie', signIn: async () => `session=${SECRET}` },
    });
    const error = await client.request('GET', '/denials').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ServerError' });
    expectNoSentinel(everyRendering(error));
    expectNoSentinel(everyRendering(logs));
  });
});
