import { describe, expect, it } from 'vitest';
import { credentialSecrets } from '../../src/conformance/credential-secrets.js';
import { learnIssuedSecret } from '../../src/redaction/issued.js';
import { REDACTED } from '../../src/redaction/vocabulary.js';
import { redactRecorded } from '../../src/runner/cassettes/redact-cassette.js';
import { credentialHeaders } from '../../src/scenarios/runner.js';
import type { VendorCredentials } from '../../src/scenarios/types.js';

const TOKEN = 'crv_at_SENTINEL_issued_9d1e';
const baseUrl = 'https://sandbox.claimrev.example';

describe('secrets a run obtains', () => {
  it('a cassette blanks an issued token the vendor echoes later, though the token answer is blanked by shape', () => {
    const recorded = redactRecorded(
      'claimrev',
      baseUrl,
      [
        {
          at: 0,
          request: {
            method: 'POST',
            url: `${baseUrl}/oauth/token`,
            headers: {},
            body: 'grant_type=client_credentials',
          },
          response: {
            status: 200,
            headers: {},
            body: JSON.stringify({ access_token: TOKEN, expires_in: 3600 }),
          },
        },
        {
          at: 1,
          request: { method: 'GET', url: `${baseUrl}/claims/1`, headers: {} },
          response: {
            status: 401,
            headers: {},
            body: JSON.stringify({ message: `The access token ${TOKEN} has expired` }),
          },
        },
      ],
      [],
    );
    const text = JSON.stringify(recorded);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain(`The access token ${REDACTED} has expired`);
  });

  it('a token fetched for a scenario request is among the vendor credential secrets from then on', async () => {
    const credentials: VendorCredentials = {
      vendorId: 'claimrev',
      roles: {
        valid: {
          kind: 'oauthClient',
          clientId: 'client-1',
          clientSecret: 'client-secret-SENTINEL',
          scope: 'claims',
          tokenUrl: `${baseUrl}/oauth/token`,
        },
      },
      facts: {},
      operations: {},
    } as unknown as VendorCredentials;
    const issued = 'crv_at_SENTINEL_scenario_51ab';
    expect(credentialSecrets(credentials)).not.toContain(issued);
    const headers = await credentialHeaders(credentials, 'valid', async () => ({
      status: 200,
      headers: {},
      body: JSON.stringify({ access_token: issued }),
    }));
    expect(headers.authorization).toBe(`Bearer ${issued}`);
    expect(credentialSecrets(credentials)).toContain(issued);
  });

  it('a session cookie learnt from a Set-Cookie header is kept by its value too', () => {
    learnIssuedSecret('denialbase', 'session=SENTINEL-session-77; Path=/; HttpOnly');
    const credentials = {
      vendorId: 'denialbase',
      roles: {},
      facts: {},
      operations: {},
    } as unknown as VendorCredentials;
    expect(credentialSecrets(credentials)).toContain('SENTINEL-session-77');
  });

  it('a token endpoint answer that is not JSON fails without quoting the answer', async () => {
    const credentials = {
      vendorId: 'claimrev',
      roles: {
        valid: {
          kind: 'oauthClient',
          clientId: 'client-2',
          clientSecret: 'client-secret-SENTINEL-2',
          scope: 'claims',
          tokenUrl: `${baseUrl}/oauth/token`,
        },
      },
      facts: {},
      operations: {},
    } as unknown as VendorCredentials;
    const failure = credentialHeaders(credentials, 'valid', async () => ({
      status: 200,
      headers: {},
      body: 'SENTINEL-echoed-secret-8c1f, not JSON',
    }));
    await expect(failure).rejects.toMatchObject({ code: 'ERR_TOKEN_REFUSED' });
    await expect(failure).rejects.not.toThrow(/SENTINEL/);
  });
});
