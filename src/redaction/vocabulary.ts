/**
 * What counts as a credential, in one place for every part of the package that redacts: the
 * normalizer's raw headers, the client's logs and support bundles, the simulator's request log
 * and the reports. A name added here is blanked everywhere.
 */

export const REDACTED = '[REDACTED]';

/** Headers whose whole value is a credential, lower-cased. */
export const CREDENTIAL_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
];

/**
 * Body members, form fields and query parameters that hold credentials. Compared through
 * `fieldKey`, so `client_secret`, `clientSecret` and `client-secret` are one name.
 */
export const CREDENTIAL_FIELDS: readonly string[] = [
  'password',
  'secret',
  'clientSecret',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'apiKey',
  'authorization',
  'cookie',
  'sessionCookie',
];

/** A member name reduced to what matching compares: lower case, without `_` and `-`. */
export function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}
