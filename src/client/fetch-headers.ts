/**
 * A record of headers read as a fetch `Headers` built from it reads them, without building one: the
 * first `Headers` a process makes loads Node's whole fetch implementation (undici), which a process
 * that never calls fetch (a run against the embedded simulator) would load for this alone. Kept
 * equal to `new Headers(record)` by test/client/fetch-headers.test.ts.
 */

/** An RFC 9110 token: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** HTTP whitespace at either end of a value, which `Headers` strips. */
const OUTER_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
/** What `Headers` refuses in a value once stripped: a line break or NUL. */
const UNSENDABLE = /[\0\r\n]/;
/** A character beyond one byte, which `Headers` refuses in a name or a value (a ByteString). */
const WIDE = /[^\0-\xff]/;

/**
 * The entries `new Headers(headers)` iterates: names lower-cased and sorted, values stripped of
 * outer whitespace, the values of names differing only in case joined with ", " (each Set-Cookie
 * kept apart, as `Headers` keeps them). Undefined where `Headers` would throw a TypeError (a name
 * that is no token, a value with a line break, NUL or a character beyond one byte).
 */
export function fetchHeaderEntries(
  headers: Readonly<Record<string, string>>,
): [string, string][] | undefined {
  const combined = new Map<string, string>();
  const cookies: string[] = [];
  for (const [name, raw] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name) || WIDE.test(raw)) return undefined;
    const value = raw.replace(OUTER_WHITESPACE, '');
    if (UNSENDABLE.test(value)) return undefined;
    const key = name.toLowerCase();
    if (key === 'set-cookie') {
      cookies.push(value);
      continue;
    }
    const earlier = combined.get(key);
    combined.set(key, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  const entries: [string, string][] = [...combined];
  for (const cookie of cookies) entries.push(['set-cookie', cookie]);
  // Code-unit order, as `Headers` sorts; the sort is stable, so Set-Cookie values keep their order.
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
