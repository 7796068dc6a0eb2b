import { headerSecretParts } from './secrets.js';

/**
 * Secrets a run obtains rather than is given: access tokens a token endpoint issues, session
 * cookies a sign-in sets. They are learnt the moment they are obtained, by vendor, so that every
 * writer (reports, cassettes, the terminal) blanks them even where the exchange that carried them
 * was never recorded or was blanked by shape before its values were collected. A vendor's
 * echo of its own token ("The access token eyJ… has expired") is then caught by value.
 *
 * Only the most recent few are kept per vendor: a simulator issues a fresh token for nearly
 * every request, and the search cost grows with the number of secrets.
 */
const KEPT_PER_VENDOR = 64;
const issued = new Map<string, string[]>();

/** Remembers a secret obtained from a vendor (a token, a cookie header value) for redaction. */
export function learnIssuedSecret(vendorId: string, secret: string): void {
  const parts = headerSecretParts(secret);
  const known = (issued.get(vendorId) ?? []).filter((value) => !parts.includes(value));
  known.push(...parts);
  issued.set(vendorId, known.slice(-KEPT_PER_VENDOR));
}

/** The secrets learnt so far from one vendor. */
export function issuedSecrets(vendorId: string): string[] {
  return [...(issued.get(vendorId) ?? [])];
}
