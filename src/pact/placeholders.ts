import type { AuthenticationPolicy } from '../generated/meta-types.js';
import type { Credential, CredentialRole, VendorCredentials } from '../scenarios/types.js';

/**
 * Contracts are committed and published, so no credential may be written into them. Where a
 * request carries one, the contract holds a neutral stand-in naming the role and the field
 * (`example-readOnly-credential`, `example-valid-clientSecret`); the verifier's request filter
 * swaps the real value back in at verification time.
 */
const STAND_IN = /example-([A-Za-z]+)-([A-Za-z]+)/g;

/** The credential's members that are not secret: they say where or how, not who. */
const PUBLIC_FIELDS = new Set(['kind', 'header', 'scope', 'tokenUrl']);

/** The value that stands for one secret field of a role's credential. */
export function standIn(role: string, field: string): string {
  return `example-${role}-${field}`;
}

/** The field a whole credential header stands for. */
export const HEADER_FIELD = 'credential';

/** {{unique}} in scenario data becomes this, so contracts are the same on every run. */
export const UNIQUE = 'pact';

export function isSecretField(field: string): boolean {
  return !PUBLIC_FIELDS.has(field);
}

/**
 * Fills a scenario's placeholders for a contract: {{unique}} with a constant, a public field
 * with its value (URL-encoded, as the scenario runner does), a secret field with its stand-in.
 */
export function fillForContract(text: string, credentials: VendorCredentials): string {
  return text.replace(/\{\{(\w+)(?:\.(\w+))?\}\}/g, (whole, first: string, field: string | undefined) => {
    if (first === 'unique' && field === undefined) return UNIQUE;
    if (field === undefined) return whole;
    if (isSecretField(field)) return standIn(first, field);
    const credential = credentials.roles[first as CredentialRole] as Record<string, unknown> | undefined;
    const value = credential?.[field];
    return typeof value === 'string' ? encodeURIComponent(value) : whole;
  });
}

/** Replaces every stand-in of a secret field in text with the real value, URL-encoded. */
export function fillStandIns(text: string, credentials: VendorCredentials): string {
  return text.replace(STAND_IN, (whole, role: string, field: string) => {
    if (field === HEADER_FIELD) return whole;
    // {{facts.name}} (a key of another environment, say) is secret like a credential's fields.
    const holder = (role === 'facts' ? credentials.facts : credentials.roles[role as CredentialRole]) as
      | Record<string, unknown>
      | undefined;
    const value = holder?.[field];
    return typeof value === 'string' ? encodeURIComponent(value) : whole;
  });
}

/** The role a credential header's stand-in names, if the value is one. */
export function roleOfStandIn(value: string): CredentialRole | undefined {
  for (const match of value.matchAll(STAND_IN)) {
    if (match[2] === HEADER_FIELD) return match[1] as CredentialRole;
  }
  return undefined;
}

/**
 * What a credential header looks like with the secret part taken out: a scheme word
 * (`Bearer `) or a cookie name (`session=`) is kept, since a client relies on it; the rest is
 * the secret. OAuth clients present their token in the policy's header, after its prefix.
 */
export function credentialShape(
  credential: Credential,
  auth: AuthenticationPolicy,
): { header: string; prefix: string } {
  if (credential.kind === 'oauthClient') return { header: auth.header, prefix: auth.prefix ?? '' };
  const prefix = /^(?:[A-Za-z]+ |[^=\s;]+=)/.exec(credential.value)?.[0] ?? '';
  return { header: credential.header, prefix };
}
