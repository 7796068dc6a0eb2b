import type { AuthenticationPolicy } from '../../generated/meta-types.js';
import { secretHeaders } from '../../vendors/authentication.js';
import type { Authenticator } from './types.js';

/**
 * A credential that never changes during the client's life: a bearer token or an API key, sent in
 * the policy's header after its prefix, or alone when the policy names none. There is nothing to
 * refresh, so a 401 is final.
 */
export function createStaticAuthenticator(auth: AuthenticationPolicy, secret: string): Authenticator {
  const headers = secretHeaders(auth, secret);
  return {
    headers: async () => headers,
    refresh: async () => false,
    secrets: () => [secret],
  };
}
