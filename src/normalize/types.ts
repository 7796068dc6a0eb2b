import type { ClientAction, ErrorCategory } from '../generated/meta-types.js';
import type { HeadersLike } from '../http-types.js';
import type { VendorId } from '../vendors/registry.js';

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

/** One vendor-independent account of an error response. Plain data: safe to log and serialise. */
export interface NormalizedError {
  vendor: VendorId;
  status: number;
  /** The vendor's code, or null when the body carries none that could be read. */
  code: string | null;
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

export interface RedactionOptions {
  /** Exact values (keys, tokens, cookies) to blank out wherever they appear in text. */
  secrets?: readonly string[];
  /** Extra header names to blank out, beyond the credential headers every policy names. */
  headers?: readonly string[];
}

export interface NormalizeOptions {
  /** The clock, in epoch milliseconds; Date.now by default. Used for HTTP-dates and epoch resets. */
  now?: () => number;
  /** Which part of the vendor answered: its API (default) or its OAuth token endpoint. */
  surface?: 'api' | 'token_endpoint';
  /** Bodies longer than this many bytes are not parsed (recorded in problems). 1 MiB by default. */
  maxBodyBytes?: number;
  /** How much of the body `raw.body` keeps, in characters. 8 KiB by default. */
  maxRawBodyChars?: number;
  redact?: RedactionOptions;
}
