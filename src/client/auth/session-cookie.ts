import type { AuthenticationPolicy } from '../../generated/meta-types.js';
import { secretHeaders } from '../../vendors/authentication.js';
import type { SessionCookieCredentials } from '../types.js';
import type { Authenticator } from './types.js';

/**
 * A session cookie. When the caller supplies `signIn`, a 401 leads to one new sign-in whose
 * cookie replaces the old one; without it, a 401 is final.
 */
export function createSessionCookieAuthenticator(
  auth: AuthenticationPolicy,
  credentials: SessionCookieCredentials,
): Authenticator {
  let cookie = credentials.cookie;
  const seen = [cookie];
  return {
    headers: async () => secretHeaders(auth, cookie),
    async refresh() {
      if (!credentials.signIn) return false;
      cookie = await credentials.signIn();
      seen.push(cookie);
      return true;
    },
    secrets: () => seen.flatMap(cookieSecrets),
  };
}

/** The whole header and each cookie value on its own, since a server may echo either. */
function cookieSecrets(header: string): string[] {
  const values = header.split(';').map((pair) => pair.slice(pair.indexOf('=') + 1).trim());
  return [header, ...values];
}
