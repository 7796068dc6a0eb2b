import { isSecretMember, searchable } from './scrub.js';

/** Credential members that are secret though their names are not in the vocabulary. */
const SECRET_VALUE_MEMBERS = new Set(['value', 'apikey', 'cookie', 'token', 'clientsecret']);

/** Set-Cookie attributes: their values describe the cookie and are not credentials. */
const COOKIE_ATTRIBUTES = new Set([
  'expires',
  'max-age',
  'domain',
  'path',
  'samesite',
  'secure',
  'httponly',
  'partitioned',
  'priority',
]);

/** `Bearer <credential>` and the other scheme words a credential header may start with. */
const AUTH_SCHEME = /^\s*(?:Bearer|Basic|Token|Digest|ApiKey)\s+(.+)$/i;

/**
 * The ways one credential header's secret may show up in text, the one parser of credential
 * headers: the whole value, the credential behind a scheme word ("Bearer abc", or the last word of
 * any other "Word abc"), and each cookie's value ("session=abc; theme=x"), Set-Cookie attributes
 * (Path, Expires, ...) left out since they describe the cookie.
 */
export function headerSecretParts(headerValue: string): string[] {
  const trimmed = headerValue.trim();
  const parts = [trimmed];
  const credential = AUTH_SCHEME.exec(trimmed)?.[1];
  if (credential) parts.push(credential.trim());
  else if (trimmed.includes(' ') && !trimmed.includes('='))
    parts.push(trimmed.slice(trimmed.lastIndexOf(' ') + 1));
  for (const pair of trimmed.split(';')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) continue;
    const value = pair.slice(equals + 1).trim();
    if (value && !COOKIE_ATTRIBUTES.has(pair.slice(0, equals).trim().toLowerCase())) parts.push(value);
  }
  return parts;
}

/**
 * Every secret string one credential holds, whatever its shape: a header value (whole, without its
 * scheme word, each cookie's value), an API key, a bearer token, a cookie, an OAuth client secret,
 * or any member whose name says it is secret. Public members (a client id, a token URL, a scope,
 * a header name) are left out. Longest first, too-short values dropped (see MIN_SECRET_LENGTH).
 */
export function secretsOf(credential: unknown): string[] {
  if (typeof credential === 'string') return searchable(headerSecretParts(credential));
  if (credential === null || typeof credential !== 'object') return [];
  const found: string[] = [];
  for (const [name, value] of Object.entries(credential)) {
    if (typeof value !== 'string') continue;
    const key = name.toLowerCase().replace(/[-_]/g, '');
    if (SECRET_VALUE_MEMBERS.has(key) || isSecretMember(name)) found.push(...headerSecretParts(value));
  }
  return searchable(found);
}
