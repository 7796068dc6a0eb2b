import type { ClientCredentials } from '../client/types.js';
import type { AuthenticationPolicy } from '../generated/meta-types.js';
import type { Credential, CredentialRole, HeaderCredential } from '../scenarios/types.js';

/**
 * How a vendor's credential is read from its policy: which header carries it, what comes before
 * the secret, and how a client comes by the secret. Every part of the package that sends,
 * describes or converts a credential asks this module, so a new scheme or prefix is a change to
 * policy data (and, for a new mechanism, to the one table below), never to its callers.
 */

export type AuthenticationScheme = AuthenticationPolicy['scheme'];

/**
 * Where the secret a request carries comes from: exchanged at a token endpoint for an issued
 * token, signed in for a session, or handed over once and used as it is.
 */
export type CredentialSource = 'token_exchange' | 'session_sign_in' | 'static';

interface SchemeTraits {
  source: CredentialSource;
  /** The members the reference client's credentials need; checked when a client is built. */
  clientMembers: readonly string[];
  /** What a client holds under the scheme, as the subject of a sentence. */
  holding: string;
  /**
   * The member of the reference client's credentials that holds the secret a header carries;
   * absent when the client obtains that secret itself (a token it exchanges for).
   */
  secretMember?: 'token' | 'apiKey' | 'cookie';
}

/** The grant a token exchange uses when the policy's token endpoint names none. */
const DEFAULT_GRANT = 'client_credentials';

/** The one place a scheme's mechanism is decided; everything else reads it through the functions below. */
const SCHEMES: { readonly [S in AuthenticationScheme]: SchemeTraits } = {
  oauth2_client_credentials: {
    source: 'token_exchange',
    clientMembers: ['tokenUrl', 'clientId', 'clientSecret'],
    holding: 'This OAuth token',
  },
  bearer: {
    source: 'static',
    clientMembers: ['token'],
    holding: 'A bearer token issued out of band',
    secretMember: 'token',
  },
  api_key: {
    source: 'static',
    clientMembers: ['apiKey'],
    holding: 'An API key',
    secretMember: 'apiKey',
  },
  session_cookie: {
    source: 'session_sign_in',
    clientMembers: ['cookie'],
    holding: 'This session cookie',
    secretMember: 'cookie',
  },
};

/**
 * The headers a vendor's credential travels in, its own and any alternative it accepts, lower-cased
 * as received headers are keyed: what to read a presented credential from and to redact.
 */
export function credentialHeaderNames(auth: AuthenticationPolicy): string[] {
  return [auth.header, ...(auth.alternativeHeaders ?? [])].map((name) => name.toLowerCase());
}

/** How a client comes by the secret it sends under the policy's scheme. */
export function credentialSourceOf(auth: AuthenticationPolicy): CredentialSource {
  return SCHEMES[auth.scheme].source;
}

/** True when the credential sent is a token issued by the vendor's token endpoint. */
export function exchangesToken(auth: AuthenticationPolicy): boolean {
  return credentialSourceOf(auth) === 'token_exchange';
}

/**
 * True when a role's test credential is configured as an OAuth client (id, secret, token URL)
 * rather than as a header value. The expired role is the exception under a token exchange: a
 * client cannot be made to issue an expired token, so that role is a stale token's header value.
 */
export function configuredAsOAuthClient(auth: AuthenticationPolicy, role: CredentialRole): boolean {
  return exchangesToken(auth) && role !== 'expired';
}

/** The grant type posted to the token endpoint. */
export function tokenGrantOf(auth: AuthenticationPolicy): string {
  return auth.tokenEndpoint?.grantType ?? DEFAULT_GRANT;
}

/** The credential members the reference client needs under the policy's scheme. */
export function requiredClientMembers(auth: AuthenticationPolicy): readonly string[] {
  return SCHEMES[auth.scheme].clientMembers;
}

/** The member of the client's credentials holding the secret the header carries, if the client is handed one. */
export function secretMemberOf(auth: AuthenticationPolicy): 'token' | 'apiKey' | 'cookie' | undefined {
  return SCHEMES[auth.scheme].secretMember;
}

/** What a client holds under the policy's scheme ("An API key"), for explanations. */
export function credentialHolding(auth: AuthenticationPolicy): string {
  return SCHEMES[auth.scheme].holding;
}

/** The credential header's value: the policy's prefix ("Bearer ", "ApiKey "), if any, then the secret. */
export function credentialValue(auth: AuthenticationPolicy, secret: string): string {
  return `${auth.prefix ?? ''}${secret}`;
}

/** The request headers presenting `secret` (an API key, a token, an issued token, a cookie) as the policy says. */
export function secretHeaders(auth: AuthenticationPolicy, secret: string): Record<string, string> {
  return { [auth.header]: credentialValue(auth, secret) };
}

/** A test credential as it travels: the policy's header and the prefixed secret. */
export function headerCredentialOf(auth: AuthenticationPolicy, secret: string): HeaderCredential {
  return { kind: 'header', header: auth.header, value: credentialValue(auth, secret) };
}

/**
 * The secret inside a whole header value: the policy's prefix taken off (compared without regard to
 * case, as scheme words are), since a client adds it again. A value without the prefix is returned
 * as it is.
 */
export function secretOf(auth: AuthenticationPolicy, headerValue: string): string {
  const prefix = auth.prefix ?? '';
  if (prefix === '' || headerValue.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) {
    return headerValue;
  }
  return headerValue.slice(prefix.length).trimStart();
}

/**
 * A test credential in the shape the reference client takes for the policy's scheme, or undefined
 * when it is missing or of another kind than the scheme needs (a header value where a client id
 * and secret are exchanged, or the reverse). `onSignIn`, when given, becomes a session's `signIn`:
 * it hears every new sign-in, which then presents the same cookie again.
 */
export function clientCredentialsFor(
  auth: AuthenticationPolicy,
  credential: Credential | undefined,
  onSignIn?: () => void,
): ClientCredentials | undefined {
  if (!credential) return undefined;
  if (credential.kind === 'oauthClient') {
    if (!exchangesToken(auth)) return undefined;
    const { tokenUrl, clientId, clientSecret, scope } = credential;
    return { tokenUrl, clientId, clientSecret, scope };
  }
  const member = secretMemberOf(auth);
  if (member === undefined) return undefined;
  const secret = secretOf(auth, credential.value);
  const handed: Record<string, unknown> = { [member]: secret };
  if (onSignIn && credentialSourceOf(auth) === 'session_sign_in') {
    handed.signIn = async () => {
      onSignIn();
      return secret;
    };
  }
  // The member is the one the scheme table names for this scheme, so the shape is that scheme's.
  return handed as unknown as ClientCredentials;
}
