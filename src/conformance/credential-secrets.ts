import type { VendorCredentials } from '../scenarios/types.js';

/**
 * Every secret string a vendor's configured credentials hold: whole header values, the part
 * behind a scheme word or cookie name ("Bearer abc", "session=abc"), OAuth client secrets, and
 * facts whose names say they are secret (a sign-in password). Scrubbed wherever they turn up.
 */
export function credentialSecrets(credentials: VendorCredentials): string[] {
  const fromRoles = Object.values(credentials.roles).flatMap((credential) => {
    if (!credential) return [];
    if (credential.kind === 'oauthClient') return [credential.clientSecret];
    const value = credential.value;
    const inner = value.includes(' ')
      ? value.slice(value.lastIndexOf(' ') + 1)
      : value.split('=').slice(1).join('=');
    return [value, inner];
  });
  const fromFacts = Object.entries(credentials.facts)
    .filter(([name]) => isSecretFact(name))
    .map(([, value]) => value);
  // Very short values would blank ordinary words; real credentials are longer.
  return [...new Set([...fromRoles, ...fromFacts])].filter((secret) => secret.length >= 4);
}

/**
 * Whether a fact's name says it is a secret: a sign-in password, a one-time code, a key of
 * another environment. Such a fact is redacted wherever it turns up, like a credential.
 */
export function isSecretFact(name: string): boolean {
  return /password|secret|token|code|key/i.test(name);
}

/**
 * The ways one credential header's secret may show up in text: whole, without its scheme word
 * ("Bearer abc"), and as each cookie's bare value ("session=abc; theme=x").
 */
export function headerSecretParts(headerValue: string): string[] {
  const afterScheme = headerValue.includes(' ')
    ? headerValue.slice(headerValue.lastIndexOf(' ') + 1)
    : headerValue;
  const cookies = headerValue.split(';').map((pair) => pair.slice(pair.indexOf('=') + 1).trim());
  return [headerValue, afterScheme, ...cookies];
}
