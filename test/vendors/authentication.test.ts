import { describe, expect, it } from 'vitest';
import type { AuthContext } from '../../src/client/auth/context.js';
import { createAuthenticator } from '../../src/client/auth/create-authenticator.js';
import { createClient } from '../../src/client/create-client.js';
import type { AuthenticationPolicy } from '../../src/generated/meta-types.js';
import { getVendor, vendorIds } from '../../src/index.js';
import { vendorModels } from '../../src/simulator/vendors/index.js';
import {
  clientCredentialsFor,
  configuredAsOAuthClient,
  credentialSourceOf,
  headerCredentialOf,
  requiredClientMembers,
  secretHeaders,
  secretOf,
} from '../../src/vendors/authentication.js';

const BASE = 'http://127.0.0.1:9';
const SENTINEL = 'S3NTINEL-secret-value';

/** A policy no vendor has: an API key that travels after a scheme word in Authorization. */
const PREFIXED_API_KEY: AuthenticationPolicy = {
  scheme: 'api_key',
  header: 'Authorization',
  prefix: 'ApiKey ',
};

const OAUTH_CLIENT = {
  kind: 'oauthClient',
  clientId: 'client-id',
  clientSecret: SENTINEL,
  scope: 'read',
  tokenUrl: `${BASE}/token`,
} as const;

/** A context for a credential handed over as it is; its transport must never be used. */
function staticContext(policy: AuthenticationPolicy): AuthContext {
  return {
    policy,
    fetch: () => Promise.reject(new Error('a handed-over credential fetches nothing')),
    now: () => 0,
    fail: () => new Error('a handed-over credential never fails an exchange'),
  };
}

const policies = vendorIds.map((vendorId) => [vendorId, getVendor(vendorId).policy.authentication] as const);
const handedOver = policies.filter(([, auth]) => credentialSourceOf(auth) !== 'token_exchange');

describe('credential headers from policy data', () => {
  it.each(policies)(
    '%s: the secret travels in the policy header after the policy prefix',
    (_vendorId, auth) => {
      expect(secretHeaders(auth, SENTINEL)).toEqual({ [auth.header]: `${auth.prefix ?? ''}${SENTINEL}` });
    },
  );

  it.each(policies)('%s: the secret is recovered from the header value it travels in', (_vendorId, auth) => {
    expect(secretOf(auth, headerCredentialOf(auth, SENTINEL).value)).toBe(SENTINEL);
  });

  it('an API key policy with a prefix sends the prefix before the key', () => {
    expect(secretHeaders(PREFIXED_API_KEY, SENTINEL)).toEqual({ Authorization: `ApiKey ${SENTINEL}` });
  });

  it('the prefix is taken off a header value whatever its case, and a value without it is kept whole', () => {
    expect(secretOf(PREFIXED_API_KEY, `apikey ${SENTINEL}`)).toBe(SENTINEL);
    expect(secretOf(PREFIXED_API_KEY, SENTINEL)).toBe(SENTINEL);
  });
});

describe('the reference client sends what the policy describes', () => {
  it.each(handedOver)('%s: a handed-over credential is sent as the policy says', async (_vendorId, auth) => {
    const credentials = clientCredentialsFor(auth, headerCredentialOf(auth, SENTINEL));
    expect(credentials).toBeDefined();
    if (!credentials) return;
    const authenticator = createAuthenticator(credentials, staticContext(auth));
    await expect(authenticator.headers()).resolves.toEqual(secretHeaders(auth, SENTINEL));
    expect(authenticator.secrets()).toContain(SENTINEL);
  });

  it('an API key policy with a prefix: the client sends the prefix before the key, once', async () => {
    const credentials = clientCredentialsFor(
      PREFIXED_API_KEY,
      headerCredentialOf(PREFIXED_API_KEY, SENTINEL),
    );
    expect(credentials).toEqual({ apiKey: SENTINEL });
    const authenticator = createAuthenticator(credentials ?? { apiKey: '' }, staticContext(PREFIXED_API_KEY));
    await expect(authenticator.headers()).resolves.toEqual({ Authorization: `ApiKey ${SENTINEL}` });
  });

  it.each(policies)(
    '%s: credentials without a member the scheme needs are refused, naming only the member',
    (_vendorId, auth) => {
      const [member] = requiredClientMembers(auth);
      expect(member).toBeDefined();
      let thrown: unknown;
      try {
        createAuthenticator({ [member ?? '']: '' } as never, staticContext(auth));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ code: 'ERR_INVALID_CREDENTIALS' });
      expect(String((thrown as Error).message)).toContain(member);
    },
  );
});

describe('clientCredentialsFor', () => {
  it.each(vendorIds)("turns %s's valid test credential into one the reference client accepts", (vendorId) => {
    const auth = getVendor(vendorId).policy.authentication;
    const credentials = clientCredentialsFor(auth, vendorModels[vendorId].credentials(BASE).roles.valid);
    expect(credentials).toBeDefined();
    if (!credentials) return;
    expect(() => createClient(vendorId, { baseUrl: BASE, credentials })).not.toThrow();
  });

  it('a token exchange takes an OAuth client and refuses a header value', () => {
    const exchange: AuthenticationPolicy = {
      scheme: 'oauth2_client_credentials',
      header: 'Authorization',
      prefix: 'Bearer ',
    };
    expect(clientCredentialsFor(exchange, OAUTH_CLIENT)).toEqual({
      tokenUrl: OAUTH_CLIENT.tokenUrl,
      clientId: OAUTH_CLIENT.clientId,
      clientSecret: SENTINEL,
      scope: 'read',
    });
    expect(clientCredentialsFor(exchange, headerCredentialOf(exchange, SENTINEL))).toBeUndefined();
  });

  it('a handed-over credential refuses an OAuth client and a missing credential', () => {
    expect(clientCredentialsFor(PREFIXED_API_KEY, OAUTH_CLIENT)).toBeUndefined();
    expect(clientCredentialsFor(PREFIXED_API_KEY, undefined)).toBeUndefined();
  });

  it('a session gets a sign-in that reports each call and presents the same cookie again', async () => {
    const session: AuthenticationPolicy = { scheme: 'session_cookie', header: 'Cookie' };
    const cookie = `sid=${SENTINEL}`;
    let signIns = 0;
    const credentials = clientCredentialsFor(session, headerCredentialOf(session, cookie), () => {
      signIns += 1;
    });
    expect(credentials).toMatchObject({ cookie });
    const signIn = (credentials as { signIn?: () => Promise<string> }).signIn;
    await expect(signIn?.()).resolves.toBe(cookie);
    expect(signIns).toBe(1);
    expect(clientCredentialsFor(session, headerCredentialOf(session, cookie))).toEqual({ cookie });
  });
});

describe('configuredAsOAuthClient', () => {
  it.each(policies)(
    '%s: only a token exchange configures roles as OAuth clients, the expired role aside',
    (_vendorId, auth) => {
      const exchange = credentialSourceOf(auth) === 'token_exchange';
      expect(configuredAsOAuthClient(auth, 'valid')).toBe(exchange);
      expect(configuredAsOAuthClient(auth, 'expired')).toBe(false);
    },
  );
});
