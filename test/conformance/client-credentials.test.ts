import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/create-client.js';
import { clientCredentialsFor } from '../../src/conformance/sequences/client-credentials.js';
import { getVendor, vendorIds } from '../../src/index.js';
import { vendorModels } from '../../src/simulator/vendors/index.js';

const BASE = 'http://127.0.0.1:9';

describe('clientCredentialsFor', () => {
  it.each(vendorIds)("turns %s's valid test credential into one the reference client accepts", (vendorId) => {
    const { scheme } = getVendor(vendorId).policy.authentication;
    const credentials = clientCredentialsFor(scheme, vendorModels[vendorId].credentials(BASE).roles.valid);
    expect(credentials).toBeDefined();
    if (!credentials) return;
    expect(() => createClient(vendorId, { baseUrl: BASE, credentials })).not.toThrow();
  });

  it('strips the scheme from a bearer header, since the client adds it again', () => {
    expect(
      clientCredentialsFor('bearer', { kind: 'header', header: 'Authorization', value: 'Bearer abc123' }),
    ).toEqual({ token: 'abc123' });
  });

  it('refuses a credential of another kind than the scheme needs', () => {
    const header = { kind: 'header', header: 'X-API-Key', value: 'key' } as const;
    expect(clientCredentialsFor('oauth2_client_credentials', header)).toBeUndefined();
    const oauth = {
      kind: 'oauthClient',
      clientId: 'a',
      clientSecret: 'b',
      scope: 'c',
      tokenUrl: BASE,
    } as const;
    expect(clientCredentialsFor('api_key', oauth)).toBeUndefined();
    expect(clientCredentialsFor('api_key', undefined)).toBeUndefined();
  });
});
