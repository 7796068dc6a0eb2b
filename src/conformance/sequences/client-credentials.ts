import type { ClientCredentials } from '../../client/types.js';
import type { AuthenticationPolicy } from '../../generated/meta-types.js';
import type { Credential } from '../../scenarios/types.js';

/**
 * A target's test credential in the shape the reference client takes for the policy's scheme,
 * or undefined when the credential is of another kind than the scheme needs.
 */
export function clientCredentialsFor(
  scheme: AuthenticationPolicy['scheme'],
  credential: Credential | undefined,
): ClientCredentials | undefined {
  if (!credential) return undefined;
  if (scheme === 'oauth2_client_credentials') {
    if (credential.kind !== 'oauthClient') return undefined;
    const { tokenUrl, clientId, clientSecret, scope } = credential;
    return { tokenUrl, clientId, clientSecret, scope };
  }
  if (credential.kind !== 'header') return undefined;
  switch (scheme) {
    case 'bearer':
      return { token: credential.value.replace(/^Bearer\s+/i, '') };
    case 'api_key':
      return { apiKey: credential.value };
    case 'session_cookie':
      return { cookie: credential.value };
  }
}
