/**
 * The reporters' last line of defence against leaking credentials. The runner redacts what it
 * records, but a report is written to disk and uploaded as a CI artifact, so every reporter passes
 * the result through here again: a missed header or an echoed token must not reach a file.
 */
import { CREDENTIAL_FIELDS, CREDENTIAL_HEADERS, fieldKey, REDACTED } from '../redaction/vocabulary.js';
import type { CapturedBody, CheckResult, Exchange, JsonValue, RunResult, TimelineEvent } from './result.js';

export { REDACTED };

/** Headers whose whole value is a credential. Compared without regard to case. */
export const SECRET_HEADERS = CREDENTIAL_HEADERS;

/** Body members, query parameters and form fields that hold credentials. */
export const SECRET_MEMBERS = CREDENTIAL_FIELDS;

/** Bodies longer than this are cut in reports; the start of an error body is what a reader needs. */
export const BODY_TEXT_LIMIT = 16_384;

/** Credential values shorter than this are not searched for elsewhere: blanking every "abc" helps no one. */
const MIN_SECRET_LENGTH = 6;
/** Values a secret member may hold that are not secrets, and would blank ordinary words if searched for. */
const NOT_SECRETS = new Set(['true', 'false', 'null', 'undefined', REDACTED]);
/** Set-Cookie attributes: their values describe the cookie and are not credentials. */
const COOKIE_ATTRIBUTES = new Set([
  'expires',
  'max-age',
  'domain',
  'path',
  'samesite',
  'secure',
  'httponly',
  'partitioned',
  'priority',
]);

const secretMembers = new Set(SECRET_MEMBERS.map(fieldKey));
const secretHeaders = new Set(SECRET_HEADERS);

const isSecretMember = (name: string) => secretMembers.has(fieldKey(name));

const AUTH_SCHEME = /^\s*(?:Bearer|Basic|Token|Digest|ApiKey)\s+(.+)$/i;
/**
 * `Bearer <credential>` in free text. The credential must contain a digit or punctuation, as real
 * tokens do, so that prose such as "a Bearer token is required" stays readable.
 */
const SCHEME_CREDENTIAL = /\b(Bearer|Basic)\s+(?=[A-Za-z0-9._~+/=-]*[0-9._~+/=-])[A-Za-z0-9._~+/=-]{4,}/gi;
/*
 * The patterns below bound the length of every name they try, so that scanning a large body that
 * never matches stays linear: an unbounded `[^=]+=` retried from every position is quadratic.
 */
/** `"member": value` in JSON-like text, also in a body cut off mid-way where JSON.parse fails. */
const JSON_MEMBER = /"((?:[^"\\]|\\.){0,128})"(\s*:\s*)("(?:[^"\\]|\\.)*"?|[^,}\]\s]+)/g;
/** `name=value` in query strings and form bodies: a name starts the text or follows `?`, `&`, `;`, `,` or a space. */
const FORM_PAIR = /(?<=^|[?&;,\s])([^&=?;,\s"'<>]{1,64})=([^&\s#"'<>]*)/g;
/** `scheme://user:password@` in URLs. */
const USERINFO = /(\b[a-z][a-z0-9+.-]{0,31}:\/\/)([^/@\s]{1,256})@/gi;

/** Every credential value found in the result, so it can be blanked wherever else it appears. */
function collectSecrets(result: RunResult): string[] {
  const found = new Set<string>();
  const add = (value: string) => {
    const trimmed = value.trim();
    if (trimmed.length >= MIN_SECRET_LENGTH && !NOT_SECRETS.has(trimmed.toLowerCase())) found.add(trimmed);
  };
  const fromHeaders = (headers: Record<string, string>) => {
    for (const [name, value] of Object.entries(headers)) {
      if (!secretHeaders.has(name.toLowerCase())) continue;
      add(value);
      const credential = AUTH_SCHEME.exec(value)?.[1];
      if (credential) add(credential);
      // Cookie values: the value of each name=value pair that is a cookie rather than an attribute.
      for (const pair of value.split(';')) {
        const [cookieName = '', cookieValue] = pair.split('=', 2);
        if (cookieValue && !COOKIE_ATTRIBUTES.has(cookieName.trim().toLowerCase())) add(cookieValue);
      }
    }
  };
  const fromText = (text: string) => {
    for (const match of text.matchAll(JSON_MEMBER)) {
      const [, name = '', , value = ''] = match;
      if (isSecretMember(name)) add(value.replace(/^"|"$/g, ''));
    }
    for (const match of text.matchAll(FORM_PAIR)) {
      const [, name = '', value = ''] = match;
      if (isSecretMember(name)) add(safeDecode(value));
    }
    for (const match of text.matchAll(USERINFO)) {
      for (const part of (match[2] ?? '').split(':')) add(safeDecode(part));
    }
  };
  for (const vendor of result.vendors) {
    if (vendor.baseUrl) fromText(vendor.baseUrl);
    for (const check of vendor.checks) {
      for (const exchange of check.exchanges) {
        fromHeaders(exchange.request.headers);
        fromText(exchange.request.url);
        if (exchange.request.body) fromText(exchange.request.body.text);
        if (exchange.response) {
          fromHeaders(exchange.response.headers);
          if (exchange.response.body) fromText(exchange.response.body.text);
        }
      }
    }
  }
  // Longest first, so a secret that contains another is blanked whole.
  return [...found].sort((a, b) => b.length - a.length);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** Blanks secret members, form fields, URL credentials, scheme credentials and every known secret value. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let result = text
    .replace(JSON_MEMBER, (whole, name: string, colon: string) =>
      isSecretMember(name) ? `"${name}"${colon}"${REDACTED}"` : whole,
    )
    .replace(FORM_PAIR, (whole, name: string) => (isSecretMember(name) ? `${name}=${REDACTED}` : whole))
    .replace(USERINFO, `$1${REDACTED}@`)
    .replace(SCHEME_CREDENTIAL, `$1 ${REDACTED}`);
  for (const secret of secrets) {
    if (result.includes(secret)) result = result.replaceAll(secret, REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret && result.includes(encoded)) result = result.replaceAll(encoded, REDACTED);
  }
  return result;
}

/** A copy of a JSON value with secret members blanked and every string redacted. */
export function redactJson(value: JsonValue, secrets: readonly string[] = []): JsonValue {
  if (typeof value === 'string') return redactText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactJson(item, secrets));
  const copy: { [key: string]: JsonValue } = {};
  for (const [key, member] of Object.entries(value)) {
    // defineProperty keeps a member named "__proto__" an own property rather than a prototype change.
    Object.defineProperty(copy, key, {
      value: isSecretMember(key) ? REDACTED : redactJson(member, secrets),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** A body with secrets blanked, parsed as JSON where possible (nested secrets too), then cut to the limit. */
function redactBody(body: CapturedBody, secrets: readonly string[]): CapturedBody {
  // Work on at most twice what will be kept: enough to parse a body a little over the limit whole.
  const cutEarly = body.text.length > 2 * BODY_TEXT_LIMIT;
  let text = cutEarly ? body.text.slice(0, 2 * BODY_TEXT_LIMIT) : body.text;
  try {
    const parsed = JSON.parse(text) as JsonValue;
    const redacted = JSON.stringify(redactJson(parsed, secrets), null, text.includes('\n') ? 2 : undefined);
    if (redacted !== JSON.stringify(parsed, null, text.includes('\n') ? 2 : undefined)) text = redacted;
  } catch {
    // Not JSON (or cut short): the text patterns below still apply.
  }
  text = redactText(text, secrets);
  if (text.length <= BODY_TEXT_LIMIT) return { text, truncated: body.truncated || cutEarly };
  return { text: text.slice(0, BODY_TEXT_LIMIT), truncated: true };
}

function redactHeaders(headers: Record<string, string>, secrets: readonly string[]): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    Object.defineProperty(copy, name, {
      value: secretHeaders.has(name.toLowerCase()) ? REDACTED : redactText(value, secrets),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

function redactExchange(exchange: Exchange, secrets: readonly string[]): Exchange {
  const { request, response } = exchange;
  return {
    ...exchange,
    request: {
      ...request,
      url: redactText(request.url, secrets),
      headers: redactHeaders(request.headers, secrets),
      ...(request.body ? { body: redactBody(request.body, secrets) } : {}),
    },
    ...(response
      ? {
          response: {
            ...response,
            headers: redactHeaders(response.headers, secrets),
            ...(response.body ? { body: redactBody(response.body, secrets) } : {}),
          },
        }
      : {}),
    ...(exchange.error === undefined ? {} : { error: redactText(exchange.error, secrets) }),
  };
}

function redactEvent(event: TimelineEvent, secrets: readonly string[]): TimelineEvent {
  return event.label === undefined ? event : { ...event, label: redactText(event.label, secrets) };
}

function redactCheck(check: CheckResult, secrets: readonly string[]): CheckResult {
  const text = (value: string) => redactText(value, secrets);
  return {
    ...check,
    title: text(check.title),
    ...(check.reason === undefined ? {} : { reason: text(check.reason) }),
    failures: check.failures.map((failure) => ({
      ...failure,
      message: text(failure.message),
      ...(failure.expected === undefined ? {} : { expected: redactJson(failure.expected, secrets) }),
      ...(failure.actual === undefined ? {} : { actual: redactJson(failure.actual, secrets) }),
    })),
    drift: check.drift.map((note) => ({ ...note, message: text(note.message) })),
    exchanges: check.exchanges.map((exchange) => redactExchange(exchange, secrets)),
    ...(check.timeline ? { timeline: check.timeline.map((event) => redactEvent(event, secrets)) } : {}),
  } as CheckResult;
}

/**
 * A copy of the result with credentials blanked everywhere: credential headers, secret members and
 * query parameters, URL user info, and any credential value found in an exchange wherever else it
 * appears (a token echoed into a failure message, say). Bodies are also cut to BODY_TEXT_LIMIT.
 */
export function redactRunResult(result: RunResult): RunResult {
  const secrets = collectSecrets(result);
  return {
    ...result,
    vendors: result.vendors.map((vendor) => ({
      ...vendor,
      ...(vendor.baseUrl === undefined ? {} : { baseUrl: redactText(vendor.baseUrl, secrets) }),
      checks: vendor.checks.map((check) => redactCheck(check, secrets)),
    })),
  };
}
