import type { IndependentCredential } from '../types.js';

/** Credentials by role that all travel in one header, the value built from each role's token. */
export function headerCredentials(
  header: string,
  tokens: Readonly<Record<string, string>>,
  valueFor: (token: string) => string = (token) => token,
): Record<string, IndependentCredential> {
  return Object.fromEntries(
    Object.entries(tokens).map(([role, token]) => [role, { kind: 'header', header, value: valueFor(token) }]),
  );
}
