import type { CatalogEntry, HttpMethod } from '../generated/meta-types.js';
import type { ChecklistPathId } from '../report/paths.js';
import type { VendorId } from '../vendors/registry.js';
import type { Clock } from './clock.js';

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
  signal?: AbortSignal;
}

/** One HTTP response. Bodies are text: no simulated path needs to send binary. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The roles a conformance check may ask for. Not every vendor has every role (ClaimRev has no
 * rate-limited key; only Denialbase has a session waiting for its second factor).
 */
export type CredentialRole =
  | 'valid'
  | 'readOnly'
  | 'otherOrganisation'
  | 'expired'
  | 'revoked'
  | 'rateLimited'
  | 'secondFactorPending';

/** A credential sent as one header (API key, bearer token, session cookie). */
export interface HeaderCredential {
  kind: 'header';
  header: string;
  value: string;
}

/** OAuth client credentials, exchanged for a bearer token at tokenUrl before each use. */
export interface OAuthClientCredential {
  kind: 'oauthClient';
  clientId: string;
  clientSecret: string;
  scope: string;
  tokenUrl: string;
}

export type Credential = HeaderCredential | OAuthClientCredential;

/** Well-known test credentials of one vendor, keyed by role. They are test data, not secrets. */
export interface VendorCredentials {
  vendorId: VendorId;
  roles: Partial<Record<CredentialRole, Credential>>;
  /** Other test facts a client may need (sign-in e-mail and password, one-time code, ids). */
  facts: Readonly<Record<string, string>>;
}

/** A request inside a scenario. Strings may name credential facts as {{role.field}}. */
export interface ScenarioRequest {
  method: HttpMethod;
  path: string;
  /** Whose credential to send; 'none' sends none. Defaults to 'valid'. */
  role?: CredentialRole | 'none';
  headers?: Readonly<Record<string, string>>;
  /** A JSON body, sent as application/json. */
  json?: unknown;
  /** A body sent as is, with its own content type. */
  raw?: { contentType: string; text: string };
  /** Send this request so many times (setup steps only). */
  repeat?: number;
  /**
   * Declare this Content-Length instead of the body's real size: how a size limit judged before
   * reading is tested without sending megabytes. Needs a client that lets the header be set.
   */
  declaredLength?: number;
}

/**
 * How to provoke one catalog code: data, so the conformance checklist and the Pact state
 * handlers can reuse it. `how` says whether the path is natural or needs fault injection.
 */
export interface Scenario {
  code: string;
  how: 'natural' | 'fault';
  title: string;
  /** Requests sent first, in order; their answers are not checked. */
  setup?: readonly ScenarioRequest[];
  /**
   * A request started before the checked one and left running (a write held in flight); the
   * runner waits until the simulator holds it before sending the checked request.
   */
  background?: ScenarioRequest;
  request: ScenarioRequest;
  /** Which of the vendor's envelope schemas the answer follows; 'envelope' when absent. */
  schema?: string;
}

/** A scenario that exercises one more matrix row for its code. */
export interface RowScenario extends Scenario {
  path: ChecklistPathId;
}

/**
 * How to provoke a documented status that has no catalog code (ClaimRev's API errors, whose
 * bodies are not typed): the checklist asserts the status and keeps the body as opaque.
 */
export interface StatusScenario extends Omit<Scenario, 'code'> {
  status: number;
  /**
   * The matrix row the scenario exercises, where its status alone does not say (a 403 may be about
   * the tier or about ownership); otherwise the row whose status column holds the status.
   */
  path?: ChecklistPathId;
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
  /** Test credentials by role; baseUrl completes URLs such as ClaimRev's token endpoint. */
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
  /** How to provoke every catalog code. */
  scenarios: readonly Scenario[];
  /**
   * Scenarios for a matrix row a code's later `checklist` tag names (a 404 that also answers
   * another organisation's record): a row is credited only with a scenario that exercises it.
   */
  rowScenarios?: readonly RowScenario[];
  /** Documented statuses without a code, where the vendor has such paths. */
  statusScenarios?: readonly StatusScenario[];
  /** Resources in the state (seeded and created), so a replayed write can be shown to add none. */
  countResources?(state: S): number;
  /** The requests the behavioural sequences and the client check build on. */
  behaviour: VendorBehaviour;
}

/**
 * What the behavioural sequences (replayed and reused idempotency keys, waiting out a 429,
 * refreshing a credential, the 5xx retry schedule) and the client check (its scripted failure
 * sequences) need to know about one vendor, as data: neither names a vendor, and both read only
 * this, the policy and the catalog. Both calls succeed with the valid role.
 */
export interface VendorBehaviour {
  /** A safe read the valid role may repeat: what is rate limited, refreshed and retried. */
  read: ScenarioRequest;
  /**
   * A write: what a client check times out and a client must repeat only with the same
   * Idempotency-Key (or not at all), and, where the vendor honours keys, what the idempotency
   * sequences replay and reuse.
   */
  create: IdempotentCreate;
  /** How a credential the policy lets a client refresh goes stale, and how a new one is had. */
  refresh?: CredentialRefresh;
}

export interface IdempotentCreate {
  request: ScenarioRequest;
  /** Another valid body for the same create: what a reused key is sent with (keyed vendors). */
  otherJson?: unknown;
  /** JSON Pointer to the new resource's id in the success body; `/id` when absent. */
  idPointer?: string;
}

export type CredentialRefresh =
  | {
      /**
       * An OAuth client role: its token lapses after the policy's token lifetime, and its token
       * endpoint issues a new one.
       */
      kind: 'token_lifetime';
      role: CredentialRole;
    }
  | {
      /** A role whose session has lapsed already; signing in again starts a new one. */
      kind: 'sign_in';
      expiredRole: CredentialRole;
      /** The sign-in request. Its JSON body maps each member to the credential fact holding it. */
      signIn: { method: HttpMethod; path: string; jsonFromFacts: Readonly<Record<string, string>> };
      /** The response header carrying the new credential; its first name=value pair is sent back. */
      credentialHeader: string;
    };
