import { describe, expect, it } from 'vitest';
import type { AuthContext } from '../../src/client/auth/context.js';
import { createAuthenticator } from '../../src/client/auth/create-authenticator.js';
import type { AuthenticationPolicy } from '../../src/generated/meta-types.js';

/** A context whose transport must never be used: a static scheme sends nothing of its own. */
function contextFor(policy: AuthenticationPolicy): AuthContext {
  return {
    policy,
    fetch: () => Promise.reject(new Error('a static credential fetches nothing')),
    now: () => 0,
    fail: () => new Error('a static credential never fails an exchange'),
  };
}

describe('credential headers follow the policy data', () => {
  it('an API key scheme with a prefix sends the prefix before the key', async () => {
    const auth = createAuthenticator(
      { apiKey: 'k3y-sentinel' },
      contextFor({ scheme: 'api_key', header: 'Authorization', prefix: 'ApiKey ' }),
    );
    await expect(auth.headers()).resolves.toEqual({ Authorization: 'ApiKey k3y-sentinel' });
    expect(auth.secrets()).toEqual(['k3y-sentinel']);
  });

  it('an API key scheme without a prefix sends the key alone', async () => {
    const auth = createAuthenticator(
      { apiKey: 'k3y-sentinel' },
      contextFor({ scheme: 'api_key', header: 'X-API-Key' }),
    );
    await expect(auth.headers()).resolves.toEqual({ 'X-API-Key': 'k3y-sentinel' });
  });

  it('a bearer scheme takes its scheme word from the policy, not from the code', async () => {
    const auth = createAuthenticator(
      { token: 't0ken-sentinel' },
      contextFor({ scheme: 'bearer', header: 'X-Auth', prefix: 'Token ' }),
    );
    await expect(auth.headers()).resolves.toEqual({ 'X-Auth': 'Token t0ken-sentinel' });
  });
});
