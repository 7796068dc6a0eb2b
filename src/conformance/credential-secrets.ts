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

interface ConfiguredSecrets {
  readonly roles: readonly unknown[];
  readonly facts: VendorCredentials['facts'];
  readonly secrets: readonly string[];
}

/**
 * The configured part, asked for as every check is recorded, worked out once per set of role
 * credentials: a target hands out a shallow copy of a vendor's credentials after each simulator
 * reset (a fresh token cache), which shares its roles and facts, so the roles object is the key. It
 * is kept while the roles hold the same role credentials and the facts are the same object
 * (compared by identity, so a replaced role or facts object is read afresh).
 */
const configured = new WeakMap<object, ConfiguredSecrets>();

function configuredSecrets(credentials: VendorCredentials): readonly string[] {
  const roles = Object.values(credentials.roles);
  const known = configured.get(credentials.roles);
  if (
    known !== undefined &&
    known.facts === credentials.facts &&
    known.roles.length === roles.length &&
    known.roles.every((role, index) => role === roles[index])
  )
    return known.secrets;
  const fromRoles = roles.flatMap((credential) => secretsOf(credential));
  const fromFacts = Object.entries(credentials.facts)
    .filter(([name]) => isSecretFact(name))
    .map(([, value]) => value);
  const secrets = searchable([...fromRoles, ...fromFacts]);
  configured.set(credentials.roles, { roles, facts: credentials.facts, secrets });
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
