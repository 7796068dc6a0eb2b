/**
 * HTTP's own meanings of a few statuses (RFC 9110, RFC 6585), named once. They stand in only where
 * a vendor's policy or catalog names no status of its own, or where the meaning is HTTP's rather
 * than a vendor's (a 401 is what asks a client for fresh credentials); a status a vendor documents
 * is always read from its data.
 */

/** RFC 9110's Unauthorized: the credentials are missing or no longer accepted. */
export const UNAUTHORIZED = 401;
/** RFC 6585's Too Many Requests: HTTP's own rate-limit status. */
export const TOO_MANY_REQUESTS = 429;
/** RFC 9110's Internal Server Error, the first of the server errors. */
export const INTERNAL_SERVER_ERROR = 500;
/** RFC 9110's Bad Gateway. */
export const BAD_GATEWAY = 502;
/** RFC 9110's Service Unavailable: the usual answer of a server that is briefly down. */
export const SERVICE_UNAVAILABLE = 503;
/** RFC 9110's Gateway Timeout: a gateway gave up waiting for the server behind it. */
export const GATEWAY_TIMEOUT = 504;

/** A 5xx: the server, not the request, failed. */
export function isServerError(status: number): boolean {
  return status >= INTERNAL_SERVER_ERROR && status <= 599;
}

/** The status a vendor's rate limit answers with: the one its policy names, else HTTP's own. */
export function rateLimitStatusOf(rateLimit: { readonly status?: number | undefined }): number {
  return rateLimit.status ?? TOO_MANY_REQUESTS;
}
