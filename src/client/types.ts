import type { ClientAction } from '../generated/meta-types.js';
import type { AuthSchemeByVendor, VendorId } from '../generated/registry.js';
import type { FetchFunction, HeadersLike } from '../http-types.js';
import type { NormalizedError } from '../normalize/types.js';
import type { RandomSource } from '../retry/schedule.js';

/** ClaimRev-style OAuth 2.0 client credentials, exchanged at `tokenUrl` for bearer tokens. */
export interface OAuth2ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
}

/** A bearer token issued out of band (Collate). */
export interface BearerCredentials {
  token: string;
}

/** An API key sent in the vendor's key header (CaseXchange, Foresight). */
export interface ApiKeyCredentials {
  apiKey: string;
}

/** A signed-in session cookie (Denialbase); `signIn` is called once after a 401 for a new one. */
export interface SessionCookieCredentials {
  cookie: string;
  signIn?: () => Promise<string>;
}

/** The credential shape of each authentication scheme a policy may name. */
export interface CredentialsByScheme {
  oauth2_client_credentials: OAuth2ClientCredentials;
  bearer: BearerCredentials;
  api_key: ApiKeyCredentials;
  session_cookie: SessionCookieCredentials;
}

/**
 * The credentials a vendor's client takes, read from the scheme its policy names (generated into
 * AuthSchemeByVendor): Collate's are `{ token }`, so a Collate client given `{ apiKey }` does
 * not compile. With no particular vendor, any scheme's credentials.
 */
export type CredentialsFor<V extends VendorId = VendorId> = CredentialsByScheme[AuthSchemeByVendor[V]];

export type ClientCredentials = CredentialsFor;

export type { FetchFunction };

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Any console-like object; every method is optional. Data passed to it is already redacted. */
export type ClientLogger = Partial<
  Record<LogLevel, (message: string, data?: Record<string, unknown>) => void>
>;

export interface RetryEvent {
  /** The call that failed (1 = the first). */
  attempt: number;
  delayMs: number;
  action: ClientAction;
  reason: string;
  normalized: NormalizedError;
}

export interface ClientOptions<V extends VendorId = VendorId> {
  baseUrl: string;
  credentials: CredentialsFor<V>;
  fetch?: FetchFunction;
  /** Waits between attempts; tests pass a fake so that nothing really sleeps. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: RandomSource;
  /** Calls in total per request, the first included; never above the vendor's policy. */
  maxAttempts?: number;
  /** A server-requested wait longer than this ends the request with an error; 120 s by default. */
  maxRetryAfterMs?: number;
  /** Abort a call that has not answered after this many milliseconds (an integer from 1 to 2^31-1); no limit by default. */
  timeoutMs?: number;
  logger?: ClientLogger;
  onRetry?: (event: RetryEvent) => void;
  /** Body members to blank in logs and support bundles; replaces the default PHI list. */
  phiFields?: readonly string[];
  /** Makes Idempotency-Keys; crypto.randomUUID by default. */
  generateIdempotencyKey?: () => string;
}

export interface RequestOptions {
  /** Sent as is when a string or bytes; otherwise as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Use this key instead of a generated one (it is still replaced on the vendor's mismatch code). */
  idempotencyKey?: string;
}

export interface ClientResponse {
  status: number;
  headers: HeadersLike;
  /** Parsed JSON when the response says it is JSON, else the text ("" for no body). */
  body: unknown;
  /** Calls made, the first included. */
  attempts: number;
  /** The key the last call carried, if any. */
  idempotencyKey: string | null;
}
