/**
 * A curl line per failed check, so a reader can send the failing request again by hand. It is
 * built from the redacted exchange the report already holds, and never carries a credential: the
 * credential header names the environment variable a sandbox run reads it from
 * (`"Authorization: $ERROR_CONTRACTS_COLLATE_VALID"`), which the shell fills in.
 */
import { CREDENTIAL_HEADERS } from '../redaction/vocabulary.js';
import { credentialVariable } from '../runner/config/env-names.js';
import { CREDENTIAL_ROLES, type CredentialRole } from '../scenarios/types.js';
import { credentialValue, exchangesToken } from '../vendors/authentication.js';
import { getVendor, isVendorId } from '../vendors/registry.js';
import type { CheckResult, Exchange } from './result.js';

/** The pseudo header a code check's recorded request names its credential role with. */
const ROLE_HEADER = 'x-credential-role';
const credentialHeaders = new Set(CREDENTIAL_HEADERS);
/** Longer bodies are left out of the line (a 413 check's padding, say): the file is named instead. */
const BODY_IN_LINE_LIMIT = 2_000;

/** A word for a POSIX shell inside single quotes, where nothing but the quote itself is special. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The request a failed check's reproducer sends: its last one, which is the one the failure judged. */
function failingExchange(check: CheckResult): Exchange | undefined {
  return check.exchanges.at(-1);
}

function roleOf(headers: Record<string, string>): CredentialRole | 'none' {
  const named = Object.entries(headers).find(([name]) => name.toLowerCase() === ROLE_HEADER)?.[1];
  if (named === 'none') return 'none';
  return (CREDENTIAL_ROLES as readonly string[]).includes(named ?? '') ? (named as CredentialRole) : 'valid';
}

/**
 * The credential as a shell reference: the variable holding the role's whole header value; for an
 * OAuth client, whose header is a token fetched at run time, a token the reader fetches first.
 */
function credentialReference(vendorId: string, role: CredentialRole): string {
  const auth = isVendorId(vendorId) ? getVendor(vendorId).policy.authentication : undefined;
  if (auth && exchangesToken(auth)) return credentialValue(auth, '$ACCESS_TOKEN');
  return `$${credentialVariable(vendorId, role)}`;
}

/**
 * `curl -sS -i -X POST 'https://…/claims' -H "Authorization: $ERROR_CONTRACTS_COLLATE_VALID" --data-binary '…'`,
 * or undefined when the check sent nothing. Everything in it comes from the redacted exchange.
 */
export function reproducerOf(vendorId: string, check: CheckResult): string | undefined {
  const exchange = failingExchange(check);
  if (!exchange) return undefined;
  const { request } = exchange;
  const role = roleOf(request.headers);
  const parts = ['curl', '-sS', '-i', '-X', request.method, shellQuote(request.url)];
  let credentialSent = false;
  let contentType = false;
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (lower === ROLE_HEADER || lower === 'content-length' || lower === 'host') continue;
    if (lower === 'content-type') contentType = true;
    if (credentialHeaders.has(lower)) {
      // A recorded credential header is already "[REDACTED]": the variable takes its place.
      if (role !== 'none') parts.push('-H', `"${name}: ${credentialReference(vendorId, role)}"`);
      credentialSent = true;
      continue;
    }
    parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  const authHeader = isVendorId(vendorId) ? getVendor(vendorId).policy.authentication.header : undefined;
  if (!credentialSent && role !== 'none' && authHeader && request.headers[ROLE_HEADER] !== undefined) {
    parts.push('-H', `"${authHeader}: ${credentialReference(vendorId, role)}"`);
  }
  const body = request.body;
  if (body !== undefined) {
    if (!contentType && /^\s*[[{]/.test(body.text))
      parts.push('-H', shellQuote('Content-Type: application/json'));
    if (body.truncated || body.text.length > BODY_IN_LINE_LIMIT) {
      parts.push(
        '--data-binary',
        '@request-body',
        `# the ${body.truncated ? 'cut ' : ''}body is in results.json`,
      );
    } else parts.push('--data-binary', shellQuote(body.text));
  }
  return parts.join(' ');
}
