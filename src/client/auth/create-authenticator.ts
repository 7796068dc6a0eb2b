import { ErrorContractsError } from '../../errors.js';
import { credentialSourceOf, requiredClientMembers, secretMemberOf } from '../../vendors/authentication.js';
import type { ClientCredentials, OAuth2ClientCredentials, SessionCookieCredentials } from '../types.js';
import type { AuthContext } from './context.js';
import { createOAuth2Authenticator } from './oauth2-client-credentials.js';
import { createSessionCookieAuthenticator } from './session-cookie.js';
import { createStaticAuthenticator } from './static-credential.js';
import type { Authenticator } from './types.js';

const memberOf = (credentials: ClientCredentials, member: string): unknown =>
  (credentials as unknown as Record<string, unknown>)[member];

/** The credential members the policy's scheme needs, checked up front so a typo fails at construction. */
function checkCredentials(context: AuthContext, credentials: ClientCredentials): void {
  const missing = requiredClientMembers(context.policy).filter((member) => {
    const value = memberOf(credentials, member);
    return typeof value !== 'string' || value === '';
  });
  if (missing.length > 0) {
    // Only member names are reported: the values are secrets.
    throw new ErrorContractsError(
      'ERR_INVALID_CREDENTIALS',
      `The ${context.policy.scheme} scheme needs credentials with non-empty ${missing.join(', ')}.`,
    );
  }
}

/**
 * Picks the mechanism the vendor's policy describes (a token exchange, a session that can sign in
 * again, or a credential used as given); the vendor itself is never consulted.
 */
export function createAuthenticator(credentials: ClientCredentials, context: AuthContext): Authenticator {
  checkCredentials(context, credentials);
  switch (credentialSourceOf(context.policy)) {
    case 'token_exchange':
      return createOAuth2Authenticator(credentials as OAuth2ClientCredentials, context);
    case 'session_sign_in':
      return createSessionCookieAuthenticator(context.policy, credentials as SessionCookieCredentials);
    case 'static':
      return createStaticAuthenticator(
        context.policy,
        String(memberOf(credentials, secretMemberOf(context.policy) ?? '')),
      );
  }
}
