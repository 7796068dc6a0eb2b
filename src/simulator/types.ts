import type { CatalogEntry } from '../generated/meta-types.js';
import type { VendorCredentials } from '../scenarios/types.js';
import type { Clock } from '../time/clock.js';
import type { VendorId } from '../vendors/registry.js';

/** One HTTP request as every behaviour model sees it, whatever transport carried it. */
export interface SimRequest {
  /** Upper case. */
  method: string;
  /** The path without its query string. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Readonly<Record<string, string>>;
  /** The body bytes, empty when there is none. */
  body: Uint8Array;
  /** Content-Length as sent, or null when the body was chunked or absent. */
  declaredLength: number | null;
  /** Aborts when the client has gone: a held (delayed) answer stops waiting for nobody. */
  signal?: AbortSignal | undefined;
}

/** One HTTP response. Bodies are text: no simulated path needs to send binary. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a behaviour model may use besides its own state. */
export interface ModelContext<S> {
  state: S;
  clock: Clock;
  /** The id of this request, in the vendor's format; undefined for vendors that send none. */
  requestId: string | undefined;
  /** The vendor's error response for a catalog code, with the status the catalog gives it. */
  error(code: string, message?: string, extras?: ErrorExtras): SimResponse;
  /** A JSON success response. */
  json(status: number, body: unknown, headers?: Record<string, string>): SimResponse;
}

/** Facts that some envelopes carry beside code and message. */
export interface ErrorExtras {
  /** Collate's details object, Denialbase's details list. */
  details?: unknown;
  /** Collate's issues list. */
  issues?: readonly object[];
  /** Foresight's offending parameter. */
  param?: string;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

/** The failures every vendor must answer in its own shape, whatever its routes. */
export type StandardFailure =
  | 'unknown_route'
  | 'malformed_json'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'invalid_idempotency_key'
  | 'internal';

export interface ShapeErrorInput {
  entry: CatalogEntry;
  message: string;
  extras: ErrorExtras;
  now: number;
}

/** One vendor's behaviour: the only vendor-specific part of the simulator. */
export interface VendorModel<S = unknown> {
  id: VendorId;
  /** Fresh state with the seeded organisations, keys and resources. */
  createState(now: number): S;
  /**
   * Test credentials by role, and the facts (seeded ids in each state) that bind the suites'
   * scenarios to this model; baseUrl completes URLs such as ClaimRev's token endpoint. Its routes
   * are the scenarios' reference operation paths, so it configures no operations of its own.
   */
  credentials(baseUrl: string): VendorCredentials;
  /** The model itself: a function of (request, state, clock). */
  handle(request: SimRequest, context: ModelContext<S>): SimResponse | Promise<SimResponse>;
  /** The vendor's error body (without request id, which is placed at the policy's pointer). */
  shapeError(input: ShapeErrorInput): unknown;
  /** The vendor's answer to a failure that is not about one route. */
  failure(kind: StandardFailure, context: ModelContext<S>, detail: string): SimResponse;
  /** Largest body accepted, judged from Content-Length before any byte is read. */
  maxBodyBytes: number;
  /** The request rate one principal (credential header value) may use, if the vendor limits it. */
  rateLimitFor?(principal: string): { limit: number; windowSeconds: number } | undefined;
  /** Resources in the state (seeded and created), so a replayed write can be shown to add none. */
  countResources?(state: S): number;
}

export type {
  Credential,
  CredentialRole,
  HeaderCredential,
  OAuthClientCredential,
  VendorCredentials,
} from '../scenarios/types.js';
