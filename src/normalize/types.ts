import type { ClientAction, ErrorCategory } from '../generated/meta-types.js';
import type { HeadersLike } from '../http-types.js';
import type { CodeByVendor, VendorId } from '../vendors/registry.js';

/** A header collection as callers hold it: a fetch `Headers`, or a plain object as Node's http gives. */
export type HeadersInput =
  | HeadersLike
  | Readonly<Record<string, string | readonly string[] | number | undefined | null>>
  | undefined
  | null;

/** What a caller received: the status, the headers and the body in whatever form it has. */
export interface ResponseInput {
  status: number | string;
  headers?: HeadersInput;
  /** Text, bytes, already-parsed JSON, or absent. */
  body?: unknown;
}

export interface FieldError {
  /** The field as the vendor names it (a name, a dotted path or a JSON Pointer). */
  field: string;
  message: string;
}

/** Why a response did not match what the vendor documents, or what the normalizer could not read. */
export type ProblemKind =
  | 'invalid_status'
  | 'not_an_error_status'
  | 'body_not_json'
  | 'body_too_large'
  | 'schema'
  | 'unknown_code'
  | 'malformed_request_id'
  | 'status_mismatch'
  | 'missing_rate_limit_header'
  | 'invalid_retry_after'
  | 'invalid_rate_limit_reset'
  | 'rate_limit_reset_unit'
  | 'invalid_headers'
  | 'transport'
  | 'normalizer_failure';

export interface Problem {
  kind: ProblemKind;
  message: string;
  /** A JSON Pointer into the body, or a header name, when the problem has a place. */
  path?: string;
}

/** Which header a wait came from. */
export type RetryAfterSource = 'retry-after' | 'reset-header' | 'ratelimit-field';

/** How a rate-limit reset value was read; see the casexchange-reset-unit ambiguity. */
export type ResetReading = 'delta_seconds' | 'epoch_seconds' | 'epoch_milliseconds';

export interface RateLimitInfo {
  /** Requests left in the window, when a header says so. */
  remaining: number | null;
  /** Milliseconds until the window resets, when a header says so. */
  resetMs: number | null;
  /** How the vendor's reset header was read, or null when none was read. */
  resetReading: ResetReading | null;
}

export interface RawResponse {
  status: number;
  /** Lower-cased header names; credentials replaced by "[REDACTED]". */
  headers: Record<string, string>;
  /** The body as text, cut at the raw cap. */
  body: string;
  bodyTruncated: boolean;
}

/** Every member of a NormalizedError but the code and whether the catalog lists it. */
export interface NormalizedErrorFields<V extends VendorId = VendorId> {
  vendor: V;
  status: number;
  category: ErrorCategory;
  action: ClientAction;
  retryable: boolean;
  /** How long the server asked the client to wait, or null when it did not ask. */
  retryAfterMs: number | null;
  retryAfterSource: RetryAfterSource | null;
  rateLimit: RateLimitInfo;
  requestId: string | null;
  message: string;
  fieldErrors: FieldError[];
  /** Whether the body matched the vendor's envelope schema. */
  conforms: boolean;
  problems: Problem[];
  raw: RawResponse;
}

/**
 * A code the vendor's catalog does not list, as the body carried it. `string & Record<never, never>`
 * keeps editors offering the catalogued codes while any other text still type-checks.
 */
export type UncataloguedCode = string & Record<never, never>;

/**
 * The code, told apart by whether the vendor's catalog lists it. With `documented` true, `code`
 * is one of the vendor's catalogued codes, so a `switch` over them can be exhaustive; otherwise
 * it is another code the body carried (also listed in `problems`) or null for none.
 */
export type NormalizedCode<V extends VendorId = VendorId> =
  | { documented: true; code: CodeByVendor[V] }
  | { documented: false; code: UncataloguedCode | null };

/** One vendor-independent account of an error response. Plain data: safe to log and serialise. */
export type NormalizedError<V extends VendorId = VendorId> = NormalizedErrorFields<V> & NormalizedCode<V>;

export interface RedactionOptions {
  /** Exact values (keys, tokens, cookies) to blank out wherever they appear in text. */
  secrets?: readonly string[];
  /** Extra header names to blank out, beyond the credential headers every policy names. */
  headers?: readonly string[];
}

export interface NormalizeOptions {
  /**
   * The clock, in epoch milliseconds; Date.now by default. Used for HTTP-dates and epoch resets, and
   * read at most once per call, only when a header needs it.
   */
  now?: () => number;
  /** Which part of the vendor answered: its API (default) or its OAuth token endpoint. */
  surface?: 'api' | 'token_endpoint';
  /** Bodies longer than this many bytes are not parsed (recorded in problems). 1 MiB by default. */
  maxBodyBytes?: number;
  /** How much of the body `raw.body` keeps, in characters. 8 KiB by default. */
  maxRawBodyChars?: number;
  redact?: RedactionOptions;
}
