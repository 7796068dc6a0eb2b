import { searchable } from '../redaction/scrub.js';
import { headerSecretParts, secretsOf } from '../redaction/secrets.js';
import type { VendorCredentials } from '../simulator/types.js';

/**
 * Every secret string a vendor's configured credentials hold: whole header values, the part
 * behind a scheme word or cookie name ("Bearer abc", "session=abc"), OAuth client secrets, and
 * facts whose names say they are secret (a sign-in password). Scrubbed wherever they turn up.
 */
export function credentialSecrets(credentials: VendorCredentials): string[] {
  const fromRoles = Object.values(credentials.roles).flatMap((credential) => secretsOf(credential));
  const fromFacts = Object.entries(credentials.facts)
    .filter(([name]) => /password|secret|token|code/i.test(name))
    .map(([, value]) => value);
  return searchable([...fromRoles, ...fromFacts]);
}

export { headerSecretParts };
