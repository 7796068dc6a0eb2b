/** Headers whose values are credentials; logs show that they were sent, never what they held. */
const SECRET_HEADERS = new Set(['authorization', 'x-api-key', 'cookie', 'set-cookie', 'proxy-authorization']);
/** Query parameters whose values are secrets (OAuth secrets, tokens, one-time codes). */
const SECRET_FIELD = /secret|password|token|otp|api[_-]?key|^code$/i;
export const REDACTED = '[redacted]';

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
  for (const [name, value] of query) copy.append(name, SECRET_FIELD.test(name) ? REDACTED : value);
  const text = copy.toString();
  return text ? `?${text}` : '';
}
