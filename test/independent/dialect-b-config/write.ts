/**
 * What every vendor's dialect B config (`<v>/config.ts`) is written with: the shape of one vendor's
 * section of the config file, and the few things a user does the same way for every vendor
 * (copying a credential, naming a fact, signing in with curl before a run).
 */
import type { DialectCredential, DialectDirectory } from '../dialect-b/types.js';

export type Fact = string | number;

/** One vendor's section of the config file, as JSON. */
export interface DialectBVendorConfig {
  baseUrl: string;
  credentials: Record<string, Record<string, string>>;
  operations: Record<string, Record<string, unknown>>;
  facts: Record<string, Fact>;
  preflight?: { operation: string; params?: Record<string, string> };
  checks?: Record<string, { request: Record<string, unknown> } | { skip: string }>;
}

export const fact = (name: string) => `{{facts.${name}}}`;

/** An OAuth client or a header credential, as the config file holds it. */
export function credentialOf(credential: DialectCredential | undefined): Record<string, string> {
  if (!credential) throw new Error('the directory lacks a credential the config names');
  if (credential.kind === 'header') return { value: credential.value };
  if (credential.kind === 'oauthClient') {
    const { clientId, clientSecret, scope, tokenUrl } = credential;
    return { clientId, clientSecret, scope, tokenUrl };
  }
  throw new Error('a sign-in credential becomes a cookie by signing in first (signInAll)');
}

/** `Bearer xyz` -> `xyz`: a token or key as a fact (a key of another environment). */
export const bare = (credential: DialectCredential | undefined): string =>
  credentialOf(credential).value?.replace(/^Bearer /, '') ?? '';

/** Signs in each sign-in credential and keeps its cookie: what a person does once with curl. */
export async function signInAll(d: DialectDirectory): Promise<Record<string, string>> {
  const cookies: Record<string, string> = {};
  for (const [name, credential] of Object.entries(d.credentials)) {
    if (credential.kind !== 'signIn') continue;
    const operation = d.operations[credential.operation];
    if (!operation) continue;
    const answer = await fetch(`${d.baseUrl}${operation.path}`, {
      method: operation.method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credential.body),
    });
    await answer.arrayBuffer();
    const cookie = answer.headers.get('set-cookie')?.split(';')[0];
    if (cookie && answer.status < 300) cookies[name] = cookie;
  }
  return cookies;
}

/** Which checks catch a seeded bug (ids, or prefixes with a trailing `*`), or why none may. */
export interface DialectBCatch {
  checks: readonly string[];
  /** Why no check can, or may, catch the bug on a sandbox. */
  uncaught?: string;
}
