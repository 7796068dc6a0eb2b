import { rememberedPredicate } from '../text/remembered-predicate.js';
import { decodeEscapes, hasEscapes, literalMatches } from './decoded-view.js';
import { hasHexRun, lowerHexDigits } from './encoded-forms.js';
import {
  MIN_SECRET_LENGTH,
  remember,
  remembered,
  type SecretSearch,
  searchable,
  searchFor,
} from './secret-set.js';
import { CREDENTIAL_FIELDS, CREDENTIAL_HEADERS, fieldKey, REDACTED } from './vocabulary.js';

/**
 * The one text scrubber. Every output that may carry a credential (log lines, support bundles,
 * normalized errors, reports, cassettes, the client check) passes its text through here.
 *
 * Decisions, pinned by test/redaction/surfaces.fixtures.json:
 * - a secret shorter than MIN_SECRET_LENGTH is not searched for: blanking every "abc" helps no one;
 * - a known secret is blanked as written and with any of its characters percent-encoded (either
 *   hex case, all or some of them) or JSON-escaped as `\uXXXX`, `\/` and `\"` (what .NET and PHP
 *   echo), so no decoder can turn the text back into it; the text is decoded once and searched
 *   literally, never with a pattern built from a secret, so the time stays linear; HTML character
 *   references are decoded too, and its base64, base64url and hex encodings are blanked as well;
 * - `Bearer`/`Basic` followed by something token-shaped (it has a digit or punctuation) is blanked,
 *   so "a Bearer token is required" stays readable;
 * - `scheme://user:password@` user info in URLs, secret JSON members and secret form fields are
 *   blanked by shape, since a credential the caller never saw (one a proxy added) can still leak.
 */

export { MIN_SECRET_LENGTH, searchable };

/** Credential header names count too: a server echoing the request's headers as a JSON object. */
const secretMembers = new Set([...CREDENTIAL_FIELDS, ...CREDENTIAL_HEADERS].map(fieldKey));

/**
 * Answered from memory by name, since the same few member names (`id`, `message`,
 * `content-type`) are asked about for every object, header and JSON member a run redacts, and
 * fieldKey copies the name twice. Long names are not kept.
 */
export const isSecretMember = rememberedPredicate((name) => secretMembers.has(fieldKey(name)), {
  entries: 4096,
  textLength: 128,
});

/**
 * `Bearer <credential>` in free text. The credential must contain a digit or punctuation, as real
 * tokens do, so that prose such as "a Bearer token is required" stays readable.
 */
const SCHEME_CREDENTIAL = /\b(Bearer|Basic)\s+(?=[A-Za-z0-9._~+/=-]*[0-9._~+/=-])[A-Za-z0-9._~+/=-]{4,}/gi;
/*
 * The patterns below bound the length of every name they try, so that scanning a large body that
 * never matches stays linear: an unbounded `[^=]+=` retried from every position is quadratic.
 */
/**
 * `"member": value` in JSON-like text, also in a body cut off mid-way where JSON.parse fails. A bare
 * value (number, literal) holds no `{`, `[` or `"`, so an object's members are reached one by one
 * rather than swallowed as its parent's value.
 */
export const JSON_MEMBER = /"((?:[^"\\]|\\.){0,128})"(\s*:\s*)("(?:[^"\\]|\\.)*"?|[^,{}[\]\s"]+)/g;
/**
 * `name=value` in query strings, form bodies and URL fragments (`#access_token=` from an OAuth
 * redirect): a name starts the text or follows `?`, `#`, `&`, `;`, `,` or a space.
 */
export const FORM_PAIR = /(?<=^|[?#&;,\s])([^&=?#;,\s"'<>]{1,64})=([^&\s#"'<>]*)/g;
/** `scheme://user:password@` in URLs. */
export const USERINFO = /(\b[a-z][a-z0-9+.-]{0,31}:\/\/)([^/@\s]{1,256})@/gi;

/**
 * Blanks every known secret value: as written, and spelt with any mixture of percent-encoding and
 * JSON escapes (decoded once, then searched for literally; see decoded-view.ts). Linear in the
 * text for any secret. Free when there are none.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  return secrets.length === 0 ? text : blankSecrets(text, searchFor(secrets));
}

function blankSecrets(text: string, search: SecretSearch): string {
  if (search.wanted.length === 0) return text;
  const spans: [number, number][] = [];
  const find = (haystack: string, needle: string) => {
    for (const at of literalMatches(haystack, needle)) spans.push([at, at + needle.length]);
  };
  for (const needle of search.exact) find(text, needle);
  if (search.shortestHex > 0 && hasHexRun(text, search.shortestHex)) {
    const hexText = lowerHexDigits(text);
    for (const form of search.hex) find(hexText, form);
  }
  if (hasEscapes(text)) {
    const view = decodeEscapes(text);
    for (const secret of search.wanted) {
      for (const at of literalMatches(view.text, secret)) {
        spans.push([view.starts[at] ?? at, view.ends[at + secret.length - 1] ?? at + secret.length]);
      }
    }
  }
  return spans.length === 0 ? text : blankSpans(text, spans);
}

/** The text with each span (merged where they overlap) replaced by one REDACTED. */
function blankSpans(text: string, spans: [number, number][]): string {
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let result = '';
  let kept = 0;
  let open: [number, number] | undefined;
  for (const [start, end] of spans) {
    if (open && start < open[1]) {
      open[1] = Math.max(open[1], end);
      continue;
    }
    if (open) {
      result += text.slice(kept, open[0]) + REDACTED;
      kept = open[1];
    }
    open = [start, end];
  }
  if (open) result += text.slice(kept, open[0]) + REDACTED;
  return result + text.slice(open ? open[1] : kept);
}

/**
 * Credentials blanked by shape (see the notes at the top). User info is looked for only in a text
 * that holds `://`, without which USERINFO cannot match: the text would come back as it is, so the
 * result is the same without that scan.
 */
function scrubShapes(text: string): string {
  const shaped = text
    .replace(JSON_MEMBER, (whole, name: string, colon: string) =>
      isSecretMember(name) ? `"${name}"${colon}"${REDACTED}"` : whole,
    )
    .replace(FORM_PAIR, (whole, name: string) => (isSecretMember(name) ? `${name}=${REDACTED}` : whole));
  return (shaped.includes('://') ? shaped.replace(USERINFO, `$1${REDACTED}@`) : shaped).replace(
    SCHEME_CREDENTIAL,
    `$1 ${REDACTED}`,
  );
}

/**
 * Blanks known secrets and everything shaped like a credential (see the notes at the top). With a
 * list prepared by secretSet, a text already scrubbed with it is answered from the list's memo.
 */
export function scrubText(text: string, secrets: readonly string[] = []): string {
  return scrubTextFor(text, searchFor(secrets));
}

/**
 * scrubText with the search for its secrets already made: a caller scrubbing every string of a
 * value (redactJson) looks the search up once, not per string; for a plain list that would mean
 * preparing it afresh for each string.
 */
export function scrubTextFor(text: string, search: SecretSearch): string {
  const known = remembered(search, text);
  if (known !== undefined) return known;
  return remember(search, text, blankSecrets(scrubShapes(text), search));
}
