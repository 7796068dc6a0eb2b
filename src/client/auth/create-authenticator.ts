import { ErrorContractsError } from '../../errors.js';
import type { AuthenticationPolicy } from '../../generated/meta-types.js';
import type {
  ApiKeyCredentials,
  BearerCredentials,
  ClientCredentials,
  OAuth2ClientCredentials,
  SessionCookieCredentials,
} from '../types.js';
import type { AuthContext } from './context.js';
import { createOAuth2Authenticator } from './oauth2-client-credentials.js';
import { createSessionCookieAuthenticator } from './session-cookie.js';
import { createStaticAuthenticator } from './static-credential.js';
import type { Authenticator } from './types.js';

/** The credential members each scheme needs; checked up front so a typo fails at construction. */
const REQUIRED_MEMBERS: Readonly<Record<AuthenticationPolicy['scheme'], readonly string[]>> = {
  oauth2_client_credentials: ['tokenUrl', 'clientId', 'clientSecret'],
  bearer: ['token'],
  api_key: ['apiKey'],
  session_cookie: ['cookie'],
};

function checkCredentials(scheme: AuthenticationPolicy['scheme'], credentials: ClientCredentials): void {
  const missing = REQUIRED_MEMBERS[scheme].filter((member) => {
    const value = (credentials as unknown as Record<string, unknown>)[member];
    return typeof value !== 'string' || value === '';
  });
  if (missing.length > 0) {
    // Only member names are reported: the values are secrets.
    throw new ErrorContractsError(
      'ERR_INVALID_CREDENTIALS',
      `The ${scheme} scheme needs credentials with non-empty ${missing.join(', ')}.`,
    );
  }
}

/** Picks the scheme the vendor's policy names; the vendor itself is never consulted. */
export function createAuthenticator(credentials: ClientCredentials, context: AuthContext): Authenticator {
  const { scheme, header, prefix = '' } = context.policy;
  checkCredentials(scheme, credentials);
  switch (scheme) {
    case 'oauth2_client_credentials':
      return createOAuth2Authenticator(credentials as OAuth2ClientCredentials, context);
    case 'bearer':
      return createStaticAuthenticator(header, (credentials as BearerCredentials).token, prefix);
    case 'api_key':
      return createStaticAuthenticator(header, (credentials as ApiKeyCredentials).apiKey, prefix);
    case 'session_cookie':
      return createSessionCookieAuthenticator(header, credentials as SessionCookieCredentials);
  }
}
