/**
 * The shapes of a sandbox run's configuration: the file as a person writes it (checked against
 * schemas/meta/run-config.schema.json) and each vendor once resolved against the environment.
 */
import type {
  CredentialRole,
  OperationOverride,
  PreflightRead,
  ScenarioRequest,
  VendorCredentials,
} from '../../scenarios/types.js';
import type { VendorId } from '../../vendors/registry.js';

/** A string in the config file, or the name of the environment variable that holds it. */
export type ConfigString = string | { env: string };

export interface CredentialConfig {
  /** The whole header value: an API key, "Bearer <token>", "session=<cookie>". */
  value?: ConfigString;
  /** OAuth 2.0 client credentials, for vendors whose roles are OAuth clients. */
  clientId?: ConfigString;
  clientSecret?: ConfigString;
  scope?: ConfigString;
  tokenUrl?: ConfigString;
}

/** How one check's request differs on a real sandbox (its ids, its paths). */
export interface CheckOverride {
  /** Do not run this check here; the text is reported as the reason. */
  skip?: string;
  request?: Partial<Pick<ScenarioRequest, 'method' | 'path' | 'headers' | 'json' | 'role'>>;
}

export interface VendorConfigFile {
  baseUrl?: ConfigString;
  /** Declares a base URL that is not loopback to be a sandbox, safe to send test traffic to. */
  sandbox?: boolean;
  credentials?: Partial<Record<CredentialRole, CredentialConfig>>;
  /**
   * The sandbox's named operations: a path (`"authorization": "/api/pa/{id}"`), or any of
   * `{ method, path, body, contentType, idPointer }`, each member over the reference one. A path
   * may be an absolute URL (a token endpoint elsewhere).
   */
  operations?: Record<string, ConfigString | OperationOverride>;
  /** The read the preflight sends with the valid credential; the vendor's documented one when absent. */
  preflight?: PreflightRead;
  /** Facts the scenarios name (`{{facts.<name>}}`): ids of records in a given state, test data. */
  facts?: Record<string, ConfigString | number>;
  /**
   * A module (path relative to the config file) whose default export may create records before
   * the checks and returns their ids as facts: `export default async ({ baseUrl, ... }) => ({...})`.
   */
  fixtures?: string;
  checks?: Record<string, CheckOverride>;
}

export interface RunConfigFile {
  /** The JSON Schema the file follows, for editors; not read. */
  $schema?: string;
  vendors?: Partial<Record<string, VendorConfigFile>>;
}

/** One vendor, resolved: everything a target needs and nothing that still points at a variable. */
export interface ResolvedVendorConfig {
  vendorId: VendorId;
  baseUrl: string;
  declaredSandbox: boolean;
  /** Roles, facts (configured and from the environment) and operation paths. */
  credentials: VendorCredentials;
  checks: Readonly<Record<string, CheckOverride>>;
  /** The fixtures module, as an absolute path or file URL, when one is configured. */
  fixtures?: string;
  /** The preflight's read, where configured; the vendor's documented single-record read otherwise. */
  preflight?: PreflightRead;
}

export interface ResolveOptions {
  /**
   * Whether credentials are needed: a dry run or a listing sends nothing, so a credential variable
   * that is not set only leaves its role unconfigured. True by default.
   */
  credentials?: boolean;
}

/** The environment a run reads: process.env, or a test's own. */
export type Env = Readonly<Record<string, string | undefined>>;
