/**
 * Exchanges (a request and its answer) as reports, cassettes and checks keep them, and the
 * credential values that can be learnt from them. Shared by every output that holds exchanges.
 */
import type { CapturedBody, Exchange } from '../report/result.js';
import { redactJsonText } from './json.js';
import { FORM_PAIR, isSecretMember, JSON_MEMBER, MIN_SECRET_LENGTH, scrubText, USERINFO } from './scrub.js';
import { headerSecretParts } from './secrets.js';
import { CREDENTIAL_HEADERS, REDACTED } from './vocabulary.js';

/** Bodies longer than this are cut in reports; the start of an error body is what a reader needs. */
export const BODY_TEXT_LIMIT = 16_384;

/** Values a secret member may hold that are not secrets, and would blank ordinary words if searched for. */
const NOT_SECRETS = new Set(['true', 'false', 'null', 'undefined', REDACTED]);
const secretHeaders = new Set(CREDENTIAL_HEADERS);

/**
 * Every credential value found in exchanges (credential headers, secret members and form fields,
 * URL user info) and in further texts (a base URL), so it can be blanked wherever else it appears.
 */
export function collectSecrets(exchanges: Iterable<Exchange>, texts: Iterable<string> = []): string[] {
  const found = new Set<string>();
  const add = (value: string) => {
    const trimmed = value.trim();
    if (trimmed.length >= MIN_SECRET_LENGTH && !NOT_SECRETS.has(trimmed.toLowerCase())) found.add(trimmed);
  };
  const fromHeaders = (headers: Record<string, string>) => {
    for (const [name, value] of Object.entries(headers)) {
      if (!secretHeaders.has(name.toLowerCase())) continue;
      for (const part of headerSecretParts(value)) add(part);
    }
  };
  // Each pattern is tried only on a text holding a character it cannot match without (`"`, `=`,
  // `://`): it would find nothing there, and this runs on every body of every exchange.
  const fromText = (text: string) => {
    if (text.includes('"')) fromJsonMembers(text);
    if (text.includes('=')) fromFormPairs(text);
    if (text.includes('://')) fromUserInfo(text);
  };
  const fromJsonMembers = (text: string) => {
    for (const match of text.matchAll(JSON_MEMBER)) {
      const [, name = '', , value = ''] = match;
      if (!isSecretMember(name)) continue;
      // Keep both spellings: the body may hold `sk\/live`, while an echo elsewhere says `sk/live`.
      add(value.replace(/^"|"$/g, ''));
      add(jsonStringValue(value));
    }
  };
  const fromFormPairs = (text: string) => {
    for (const match of text.matchAll(FORM_PAIR)) {
      const [, name = '', value = ''] = match;
      if (isSecretMember(name)) add(safeDecode(value));
    }
  };
  const fromUserInfo = (text: string) => {
    for (const match of text.matchAll(USERINFO)) {
      for (const part of (match[2] ?? '').split(':')) add(safeDecode(part));
    }
  };
  for (const text of texts) fromText(text);
  for (const exchange of exchanges) {
    fromHeaders(exchange.request.headers);
    fromText(exchange.request.url);
    if (exchange.request.body) fromText(exchange.request.body.text);
    if (exchange.response) {
      fromHeaders(exchange.response.headers);
      if (exchange.response.body) fromText(exchange.response.body.text);
    }
  }
  // Longest first, so a secret that contains another is blanked whole.
  return [...found].sort((a, b) => b.length - a.length);
}

/** A captured JSON value as a reader gets it: a quoted string unescaped, anything else as written. */
function jsonStringValue(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : raw;
  } catch {
    return raw.replace(/^"|"$/g, '');
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
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
      value: secretHeaders.has(name.toLowerCase()) ? REDACTED : scrubText(value, secrets),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/**
 * One request and its answer as an output may keep it: credential headers blanked whole, URLs,
 * header values and bodies scrubbed (JSON bodies decoded, redacted and re-serialised), bodies cut
 * to BODY_TEXT_LIMIT.
 */
export function redactExchange(exchange: Exchange, secrets: readonly string[]): Exchange {
  const { request, response } = exchange;
  return {
    ...exchange,
    request: {
      ...request,
      url: scrubText(request.url, secrets),
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
    ...(exchange.error === undefined ? {} : { error: scrubText(exchange.error, secrets) }),
  };
}
