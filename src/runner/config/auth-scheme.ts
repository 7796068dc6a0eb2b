/**
 * The one place the config code asks a vendor's authentication scheme anything: whether a role's
 * credential may be OAuth 2.0 client fields (exchanged for a token) rather than a header value.
 * The schema generator asks the same question, so the shipped schema and the resolver agree.
 */

/** The client fields a role of a client-credentials vendor may give instead of a header value. */
export const CLIENT_CREDENTIAL_FIELDS = ['clientId', 'clientSecret', 'scope', 'tokenUrl'] as const;

/** Whether a vendor's roles are OAuth clients whose token is fetched before each use. */
export function usesClientCredentials(authentication: { readonly scheme: string }): boolean {
  return authentication.scheme === 'oauth2_client_credentials';
}
