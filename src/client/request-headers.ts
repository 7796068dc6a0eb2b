import { ErrorContractsError } from '../errors.js';
import { fetchHeaderEntries } from './fetch-headers.js';

export interface OutgoingHeaderParts {
  /** The caller's own headers for this request, if any. */
  user: Record<string, string> | undefined;
  /** The body's content type, used unless the caller set one. */
  contentType: string | null;
  /** The authenticator's headers for this attempt. */
  auth: Record<string, string>;
  /** The Idempotency-Key header name and value, when one is sent. */
  key: readonly [name: string, value: string] | null;
  /** The vendor's name, for the error about an unsendable credential. */
  vendorName: string;
}

/**
 * Authenticator headers already checked and spelt as `Headers` spells them (lower-case names,
 * values trimmed), by the object the authenticator returned. A static credential returns the same
 * object for every call, so its check runs once; one that makes a new object each time is checked
 * each time, as before.
 */
const checkedAuth = new WeakMap<Record<string, string>, Record<string, string>>();

/** Said instead of the runtime's message, which would quote the whole header value, credential and all. */
function unsendableCredential(vendorName: string): ErrorContractsError {
  return new ErrorContractsError(
    'ERR_INVALID_CREDENTIALS',
    `${vendorName}: a credential holds a character no header can carry (a line break or NUL); check the credentials given to createClient.`,
  );
}

function checkAuth(auth: Record<string, string>, vendorName: string): Record<string, string> {
  let checked = checkedAuth.get(auth);
  if (checked === undefined) {
    const entries = fetchHeaderEntries(auth);
    if (entries === undefined) throw unsendableCredential(vendorName);
    checked = Object.fromEntries(entries);
    checkedAuth.set(auth, checked);
  }
  return checked;
}

/**
 * The headers of one attempt as a plain object for fetch. A call with headers or a key of the
 * caller's goes through `Headers`, which merges names case-insensitively and rejects what no
 * header can carry; a call with neither (most reads) needs no merging, and skips building a
 * `Headers` object and copying it out again on every call.
 */
export function outgoingHeaders(parts: OutgoingHeaderParts): Record<string, string> {
  const auth = checkAuth(parts.auth, parts.vendorName);
  if (parts.user === undefined && parts.key === null) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (parts.contentType !== null) headers['content-type'] = parts.contentType;
    return Object.assign(headers, auth);
  }
  const headers = new Headers(parts.user);
  if (parts.contentType !== null && !headers.has('content-type'))
    headers.set('content-type', parts.contentType);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  for (const name of Object.keys(auth)) headers.set(name, auth[name] as string);
  if (parts.key !== null) headers.set(parts.key[0], parts.key[1]);
  return Object.fromEntries(headers);
}
