/**
 * The OAuth client fields a role of a token-exchange vendor may give instead of a header value.
 * Whether a vendor's roles are such clients is asked of src/vendors/authentication.ts, as the
 * schema generator does, so the shipped schema and the resolver agree.
 */
export const CLIENT_CREDENTIAL_FIELDS = ['clientId', 'clientSecret', 'scope', 'tokenUrl'] as const;
