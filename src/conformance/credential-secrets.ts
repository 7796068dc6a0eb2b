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
  const issued = issuedSecrets(credentials.vendorId);
  const configured = configuredSecrets(credentials);
  return issued.length === 0 ? [...configured] : searchable([...configured, ...issued]);
}

/**
 * The configured part, asked for as every check is recorded, worked out once per content of the
 * role credentials and facts. A target hands out a shallow copy of a vendor's credentials after
 * each simulator reset (a fresh token cache), which shares its roles object, so that object is the
 * key; the entry holds the credentials and facts written out as JSON and is used only while they
 * still read the same, so a role or fact changed in place (a rotated key) is read afresh. Writing
 * them out costs a few microseconds, far less than collecting the secrets again.
 */
const configured = new WeakMap<object, { readonly content: string; readonly secrets: readonly string[] }>();

function configuredSecrets(credentials: VendorCredentials): readonly string[] {
  const content = JSON.stringify([credentials.roles, credentials.facts]);
  const known = configured.get(credentials.roles);
  if (known !== undefined && known.content === content) return known.secrets;
  const fromRoles = Object.values(credentials.roles).flatMap((credential) => secretsOf(credential));
  const fromFacts = Object.entries(credentials.facts)
    .filter(([name]) => isSecretFact(name))
    .map(([, value]) => value);
  const secrets = searchable([...fromRoles, ...fromFacts]);
  configured.set(credentials.roles, { content, secrets });
  return secrets;
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
