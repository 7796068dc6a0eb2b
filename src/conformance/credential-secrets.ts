import { issuedSecrets } from '../redaction/issued.js';
import { searchable } from '../redaction/scrub.js';
import { headerSecretParts, secretsOf } from '../redaction/secrets.js';
import type { VendorCredentials } from '../scenarios/types.js';

/**
 * Every secret string a vendor's configured credentials hold: whole header values, the part
 * behind a scheme word or cookie name ("Bearer abc", "session=abc"), OAuth client secrets, and
 * facts whose names say they are secret (a sign-in password), with every token or session the
 * vendor has issued so far (see redaction/issued.ts). Scrubbed wherever they turn up; ask again
 * after sending, since a request may have been given a new token.
 */
export function credentialSecrets(credentials: VendorCredentials): string[] {
  const fromRoles = Object.values(credentials.roles).flatMap((credential) => secretsOf(credential));
  const fromFacts = Object.entries(credentials.facts)
    .filter(([name]) => isSecretFact(name))
    .map(([, value]) => value);
  return searchable([...fromRoles, ...fromFacts, ...issuedSecrets(credentials.vendorId)]);
}

/**
 * Whether a fact's name says it is a secret: a sign-in password, a one-time code, a key of
 * another environment. Such a fact is redacted wherever it turns up, like a credential. The last
 * word of the name decides (`productionToken`, `twoFactorCode`), so a fact that only mentions one
 * (`tokenLifetimeSeconds`, a number that would then be blanked inside every token answer) is not.
 */
export function isSecretFact(name: string): boolean {
  const last =
    name
      .split(/(?=[A-Z])|[_-]/)
      .at(-1)
      ?.toLowerCase() ?? '';
  return SECRET_WORDS.has(last);
}

const SECRET_WORDS = new Set(['password', 'secret', 'token', 'code', 'key', 'otp']);

export { headerSecretParts };
