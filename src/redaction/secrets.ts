import { isSecretMember, searchable } from './scrub.js';

/** Credential members that are secret though their names are not in the vocabulary. */
const SECRET_VALUE_MEMBERS = new Set(['value', 'apikey', 'cookie', 'token', 'clientsecret']);

/**
 * The ways one credential header's secret may show up in text: whole, without its scheme word
 * ("Bearer abc"), and as each cookie's bare value ("session=abc; theme=x").
 */
export function headerSecretParts(headerValue: string): string[] {
  const trimmed = headerValue.trim();
  const afterScheme = trimmed.includes(' ') ? trimmed.slice(trimmed.lastIndexOf(' ') + 1) : trimmed;
  const cookies = trimmed.split(';').map((pair) => pair.slice(pair.indexOf('=') + 1).trim());
  return [trimmed, afterScheme, ...cookies];
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
