import type { FetchResponse } from '../http-types.js';

/**
 * Why an answer must not be used because a redirect was involved, or undefined. The client sends
 * `redirect: 'manual'` and never follows one itself, since a redirect would carry the credentials
 * to wherever it points; a custom fetch function may follow it anyway (`redirected`), or hide it
 * behind an opaque answer with status 0. Either way the client fails closed.
 */
export function followedRedirect(response: FetchResponse): string | undefined {
  if (response.type === 'opaqueredirect' || response.status === 0)
    return 'the answer was a redirect hidden from the client (an opaque redirect); it is not followed';
  if (response.redirected === true) {
    let host = '';
    try {
      host = response.url ? ` to ${new URL(response.url).host}` : '';
    } catch {
      // No host to name.
    }
    return `the fetch function followed a redirect${host} itself, with the credentials; the client never follows redirects`;
  }
  return undefined;
}
