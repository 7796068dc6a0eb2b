import { isSecretMember } from '../redaction/scrub.js';
import { CREDENTIAL_HEADERS, REDACTED } from '../redaction/vocabulary.js';

export { REDACTED };

/** Headers whose values are credentials; logs show that they were sent, never what they held. */
const SECRET_HEADERS = new Set(CREDENTIAL_HEADERS);
/**
 * Query parameters whose values are secrets: the shared credential members, and more on purpose:
 * a request log sees one-time codes (`code`, `otp`) that are credentials only in a query string.
 */
const SECRET_FIELD = /secret|password|token|otp|api[_-]?key|^code$/i;

export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value,
    ]),
  );
}

/** A path with its query, secret query parameters replaced. */
export function redactQuery(query: URLSearchParams): string {
  const copy = new URLSearchParams();
  for (const [name, value] of query) {
    copy.append(name, SECRET_FIELD.test(name) || isSecretMember(name) ? REDACTED : value);
  }
  const text = copy.toString();
  return text ? `?${text}` : '';
}
