/**
 * The reporters' last line of defence against leaking credentials. The runner redacts what it
 * records, but a report is written to disk and uploaded as a CI artifact, so every reporter passes
 * the result through here again: a missed header or an echoed token must not reach a file.
 */
import { redactJsonText, redactJson as walkJson } from '../redaction/json.js';
import {
  FORM_PAIR,
  isSecretMember,
  JSON_MEMBER,
  MIN_SECRET_LENGTH,
  scrubText,
  searchable,
  USERINFO,
} from '../redaction/scrub.js';
import { CREDENTIAL_FIELDS, CREDENTIAL_HEADERS, REDACTED } from '../redaction/vocabulary.js';
import type { CapturedBody, CheckResult, Exchange, JsonValue, RunResult, TimelineEvent } from './result.js';

export { REDACTED };

/** Headers whose whole value is a credential. Compared without regard to case. */
export const SECRET_HEADERS = CREDENTIAL_HEADERS;

/** Body members, query parameters and form fields that hold credentials. */
export const SECRET_MEMBERS = CREDENTIAL_FIELDS;

/** Bodies longer than this are cut in reports; the start of an error body is what a reader needs. */
export const BODY_TEXT_LIMIT = 16_384;

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

const secretHeaders = new Set(SECRET_HEADERS);

const AUTH_SCHEME = /^\s*(?:Bearer|Basic|Token|Digest|ApiKey)\s+(.+)$/i;

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
  return scrubText(text, secrets);
}

/** A copy of a JSON value with secret members blanked and every string redacted. */
export function redactJson(value: JsonValue, secrets: readonly string[] = []): JsonValue {
  return walkJson(value, { secrets }) as JsonValue;
}

/** A body with secrets blanked, parsed as JSON where possible (nested secrets too), then cut to the limit. */
function redactBody(body: CapturedBody, secrets: readonly string[]): CapturedBody {
  // Work on at most twice what will be kept: enough to parse a body a little over the limit whole.
  const cutEarly = body.text.length > 2 * BODY_TEXT_LIMIT;
  const text = redactJsonText(cutEarly ? body.text.slice(0, 2 * BODY_TEXT_LIMIT) : body.text, { secrets });
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
export function redactRunResult(result: RunResult, knownSecrets: readonly string[] = []): RunResult {
  const secrets = searchable([...knownSecrets, ...collectSecrets(result)]);
  return {
    ...result,
    vendors: result.vendors.map((vendor) => ({
      ...vendor,
      ...(vendor.baseUrl === undefined ? {} : { baseUrl: redactText(vendor.baseUrl, secrets) }),
      checks: vendor.checks.map((check) => redactCheck(check, secrets)),
    })),
  };
}
