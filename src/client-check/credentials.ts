import type { ClientCredentials } from '../client/types.js';
import type { AuthenticationPolicy } from '../generated/meta-types.js';
import type { Credential } from '../scenarios/types.js';

/**
 * The simulator's test credential in the shape createClient (and so the ClientContext) uses for
 * the vendor's scheme. `onSignIn` hears every call of a session's signIn, which is how the check
 * sees a cookie-based client renew its session.
 */
export function clientCredentialsFor(
  policy: AuthenticationPolicy,
  credential: Credential,
  onSignIn: () => void,
): ClientCredentials {
  if (credential.kind === 'oauthClient') {
    const { tokenUrl, clientId, clientSecret, scope } = credential;
    return { tokenUrl, clientId, clientSecret, scope };
  }
  const { value } = credential;
  switch (policy.scheme) {
    case 'bearer':
      return { token: value.replace(/^Bearer\s+/i, '') };
    case 'session_cookie':
      return {
        cookie: value,
        signIn: async () => {
          onSignIn();
          return value;
        },
      };
    default:
      return { apiKey: value };
  }
}
