/**
 * The scenario vocabulary: what request provokes each documented code, written against named
 * operations and facts rather than any one implementation's routes and ids. The suites own it;
 * the embedded simulator is one implementation that satisfies it, a vendor sandbox another.
 */
import type { HttpMethod } from '../generated/meta-types.js';
import type { ChecklistPathId } from '../report/paths.js';
import type { VendorId } from '../vendors/registry.js';

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

export const CREDENTIAL_ROLES: readonly CredentialRole[] = [
  'valid',
  'readOnly',
  'otherOrganisation',
  'expired',
  'revoked',
  'rateLimited',
  'secondFactorPending',
];

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

/**
 * How one deployment of a vendor (the simulator, a sandbox) is driven: credentials by role, the
 * facts the scenarios name (ids of records in a given state, sign-in details) and, where they
 * differ from the reference paths, the operations' paths.
 */
export interface VendorCredentials {
  vendorId: VendorId;
  roles: Partial<Record<CredentialRole, Credential>>;
  /** Facts by name (`{{facts.<name>}}` in a scenario): ids, sign-in details, test data. */
  facts: Readonly<Record<string, string>>;
  /**
   * Facts configured as JSON numbers (an integer id): a body value that is such a fact alone is
   * sent as a number, not a string.
   */
  numericFacts?: readonly string[];
  /**
   * The deployment's operations by name, each member over the reference one: an operation or a
   * member left out takes what the vendor's scenario data gives it.
   */
  operations?: Readonly<Record<string, OperationOverride>>;
}

/**
 * One operation as a deployment has it: how it is called, a request body that succeeds, and where
 * its answer names the new resource. The docs fix none of this, so every member is the user's.
 */
export interface Operation {
  method: HttpMethod;
  /** The path (`/cases/{id}`), an absolute URL, or `{{operations.<name>}}` followed by more path. */
  path: string;
  /**
   * A valid example body: JSON (an object or array), a form for `multipart/form-data` (members are
   * fields; a `{ filename, content, contentType? }` member is a file), or text sent as it is.
   */
  body?: unknown;
  /** The body's media type; `application/json` for a JSON body when absent. */
  contentType?: string;
  /** JSON Pointer (RFC 6901) to the new resource's id in a success body; any JSON scalar. */
  idPointer?: string;
}

/** What a deployment configures for an operation: any member, each winning over the reference. */
export type OperationOverride = Partial<Operation>;

/**
 * How a provoking request's body is derived from the operation's valid example, so no request is
 * written with fields the docs do not name. Field names are dotted paths into the example
 * (`patient.birthDate`, `$` for the whole body) and may be facts (`{{facts.requiredField}}`); so
 * may values.
 */
export interface BodyDerivation {
  /**
   * Facts given other values while the example is filled in: the example's own field for a fact
   * (its providerNpi, its accountNumber) receives another record's value, without naming the field.
   */
  withFacts?: Readonly<Record<string, string>>;
  /** Fields removed from the example (a missing required field). */
  omit?: readonly string[];
  /** Fields given these values (an invalid value, a record in a given state). */
  set?: Readonly<Record<string, unknown>>;
  /** A field whose value is changed to another of its type (a mismatched idempotent retry). */
  change?: string;
  /** A field given a string one character longer than the length a fact names. */
  overLength?: { field: string; length: string };
}

/**
 * A request inside a scenario, written against a named operation. Strings (params, query,
 * headers, bodies) may hold `{{facts.<name>}}`, `{{unique}}`, `{{uuid}}` and `{{role.field}}`.
 */
export interface ScenarioRequest {
  /** The operation's method when absent. */
  method?: HttpMethod;
  /** The operation whose path the request goes to, from the vendor's operation vocabulary. */
  operation: string;
  /** Values for the operation path's `{name}` parameters. */
  params?: Readonly<Record<string, string>>;
  /** A query string appended to the path, without its "?". */
  query?: string;
  /**
   * A literal path that replaces the operation's: set only by a configured per-check override
   * (`checks.<id>.request.path`), for the rare check a sandbox cannot reach otherwise.
   */
  path?: string;
  /** Whose credential to send; 'none' sends none. Defaults to 'valid'. */
  role?: CredentialRole | 'none';
  headers?: Readonly<Record<string, string>>;
  /** A JSON body, sent as application/json. */
  json?: unknown;
  /** A body derived from the operation's valid example (`{}`: the example as it is). */
  body?: BodyDerivation;
  /** A body sent as is, with its own content type. */
  raw?: { contentType: string; text: string };
  /** Send this request so many times (setup steps only). */
  repeat?: number;
  /**
   * Send a body of this many bytes: the body above, then filler, streamed in chunks and stopped as
   * soon as the server answers. How a size limit is provoked: a server that judges Content-Length
   * first answers at once, one that reads the whole body answers after the last byte.
   */
  streamedBytes?: number;
}

/** A scenario request with its operation and facts resolved to a concrete path, method and body. */
export type ResolvedRequest = Omit<
  ScenarioRequest,
  'operation' | 'params' | 'query' | 'path' | 'method' | 'body'
> & {
  method: HttpMethod;
  path: string;
  /** The fields a derived body removed or changed: what a field-level error detail should name. */
  fields?: readonly string[];
};

/**
 * How to provoke one catalog code: data, so the conformance checklist and the Pact state
 * handlers can reuse it. `how` says whether the path is natural or needs fault injection.
 */
export interface Scenario<R = ScenarioRequest> {
  code: string;
  how: 'natural' | 'fault';
  title: string;
  /** Requests sent first, in order; their answers are not checked. */
  setup?: readonly R[];
  /**
   * A request started before the checked one and left running (a write held in flight); the
   * runner waits until the simulator holds it before sending the checked request.
   */
  background?: R;
  request: R;
  /** Which of the vendor's envelope schemas the answer follows; 'envelope' when absent. */
  schema?: string;
  /**
   * What the vendor's docs promise about this answer beyond its catalog entry (field details
   * naming the field at fault, a status the docs give in prose), each cited by its doc line.
   */
  promises?: readonly DocumentedPromise[];
}

/**
 * One promise a vendor's docs make about an error answer, with the doc line that makes it
 * (verbatim). A conformance check fails a vendor that breaks it.
 */
export type DocumentedPromise =
  | {
      /** The answer has this status, whatever the catalog's provenance for it. */
      kind: 'status';
      status: number;
      quote: string;
    }
  | {
      /**
       * The body carries field-level details where the policy's envelope keeps them (a list, a
       * map, a param member); where `field` is given (it may name a fact), one of them names it.
       */
      kind: 'fieldDetails';
      field?: string;
      quote: string;
    };

/**
 * A further scenario for a code whose first scenario is already checked: another documented way
 * the same code comes back (a missing key as well as a revoked one). Its check is
 * `code.<code>.<name>`.
 */
export interface NamedScenario<R = ScenarioRequest> extends Scenario<R> {
  name: string;
  /** The doc line (verbatim) that names this way of provoking the code. */
  quote: string;
}

/** A scenario that exercises one more matrix row for its code (a later `checklist` tag). */
export interface RowScenario<R = ScenarioRequest> extends Scenario<R> {
  path: ChecklistPathId;
}

/**
 * A further scenario for a code whose first scenario is already checked: another documented way
 * the same code comes back (a missing key as well as a revoked one). Its check is
 * `code.<code>.<name>`.
 */
export interface NamedScenario<R = ScenarioRequest> extends Scenario<R> {
  name: string;
  /** The doc line (verbatim) that names this way of provoking the code. */
  quote: string;
}

/**
 * How to provoke a documented status that has no catalog code (ClaimRev's API errors, whose
 * bodies are not typed): the checklist asserts the status and keeps the body as opaque.
 */
export interface StatusScenario<R = ScenarioRequest> extends Omit<Scenario<R>, 'code'> {
  status: number;
  /**
   * The matrix row the scenario exercises, where its status alone does not say (a 403 may be about
   * the tier or about ownership); otherwise the row whose status column holds the status.
   */
  path?: ChecklistPathId;
}

/**
 * What the behavioural sequences (replayed and reused idempotency keys, waiting out a 429,
 * refreshing a credential, the 5xx retry schedule) and the client check (its scripted failure
 * sequences) need to know about one vendor, as data: neither names a vendor, and both read only
 * this, the policy and the catalog. Both calls succeed with the valid role.
 */
export interface VendorBehaviour<R = ScenarioRequest> {
  /** A safe read the valid role may repeat: what is rate limited, refreshed and retried. */
  read: R;
  /**
   * A write: what a client check times out and a client must repeat only with the same
   * Idempotency-Key (or not at all), and, where the vendor honours keys, what the idempotency
   * sequences replay and reuse.
   */
  create: IdempotentCreate<R>;
  /** How a credential the policy lets a client refresh goes stale, and how a new one is had. */
  refresh?: CredentialRefresh<R>;
}

export interface IdempotentCreate<R = ScenarioRequest> {
  request: R;
  /**
   * The same create with one value of its body changed: what a reused key is sent with (keyed
   * vendors). Resolved, its `json` is the other body.
   */
  other?: R;
  /** JSON Pointer to the new resource's id in the success body (the operation's); `/id` when absent. */
  idPointer?: string;
}

export type CredentialRefresh<R = ScenarioRequest> =
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
      /**
       * The sign-in request: the sign-in operation's valid example body, whose values name the
       * secret facts holding them (`{{facts.password}}`); resolved for a deployment, it is sent as is.
       */
      signIn: R;
      /** The response header carrying the new credential; its first name=value pair is sent back. */
      credentialHeader: string;
    };

/** One named operation: what it is, and the reference values a deployment that configures none gets. */
export interface OperationSpec extends Operation {
  about: string;

  /**
   * The valid OAuth client's field that stands in for the reference path when none is configured
   * (a token endpoint is the client's tokenUrl). `init` leaves such an operation out, so the
   * credential's value is not beaten by a written reference path.
   */
  fromValidClient?: 'tokenUrl';
}

/** One named fact: what it must identify, and a value that works anywhere, where one does. */
export interface FactSpec {
  about: string;
  /** Used when no value is configured; may hold `{{unique}}` or `{{uuid}}`. */
  default?: string;
}

/** One vendor's scenario data: its vocabulary and how each documented error is provoked. */
export interface VendorScenarios {
  vendorId: VendorId;
  operations: Readonly<Record<string, OperationSpec>>;
  facts: Readonly<Record<string, FactSpec>>;
  /** How to provoke every catalog code. */
  scenarios: readonly Scenario[];
  /**
   * Scenarios for a matrix row a code's later `checklist` tag names (a 404 that also answers
   * another organisation's record): a row is credited only with a scenario that exercises it.
   */
  rowScenarios?: readonly RowScenario[];

  /** Documented statuses without a code, where the vendor has such paths. */
  statusScenarios?: readonly StatusScenario[];
  /** Further documented ways a code comes back, each checked on its own (see NamedScenario). */
  moreScenarios?: readonly NamedScenario[];
  behaviour: VendorBehaviour;
  /**
   * The read a sandbox run's preflight sends with the valid credential: a documented single-record
   * read, its ids facts (never a list endpoint no doc has).
   */
  preflight: PreflightRead;
}

/** A read that succeeds with the valid credential: an operation and its path parameters. */
export interface PreflightRead {
  operation: string;
  params?: Readonly<Record<string, string>>;
  query?: string;
}
