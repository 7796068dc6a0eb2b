import type { Authenticator } from './types.js';

/**
 * A credential that never changes during the client's life: a bearer token (sent as
 * "Bearer <token>") or an API key (sent as it is). There is nothing to refresh, so a 401 is final.
 */
export function createStaticAuthenticator(
  header: string,
  secret: string,
  prefix: 'Bearer ' | '',
): Authenticator {
  const headers = { [header]: `${prefix}${secret}` };
  return {
    headers: async () => headers,
    refresh: async () => false,
    secrets: () => [secret],
  };
}
