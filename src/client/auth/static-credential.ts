import type { Authenticator } from './types.js';

/**
 * A credential that never changes during the client's life: a bearer token or an API key, sent
 * after the policy's prefix ("Bearer <token>", "ApiKey <key>") or alone when the policy names none.
 * There is nothing to refresh, so a 401 is final.
 */
export function createStaticAuthenticator(header: string, secret: string, prefix: string): Authenticator {
  const headers = { [header]: `${prefix}${secret}` };
  return {
    headers: async () => headers,
    refresh: async () => false,
    secrets: () => [secret],
  };
}
