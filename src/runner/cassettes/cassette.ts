/**
 * A cassette: every exchange of one vendor's sandbox run, by check, redacted, so the same suites
 * can run offline from it. One JSON file per vendor (`<vendor>.cassette.json`), small enough to
 * review in a pull request and to refresh from a scheduled job.
 */
import type { RunLimits } from '../../conformance/types.js';
import type { CredentialRole, OperationOverride } from '../../scenarios/types.js';
import type { VendorId } from '../../vendors/registry.js';

export const CASSETTE_FORMAT = 'error-contracts-cassette';
export const CASSETTE_VERSION = 1;

export interface RecordedExchange {
  /**
   * When the answer (or the error) came, in ms since the epoch on the recording run's clock: the
   * moment the recording run read the answer's headers, so a replay that moves its clock here reads
   * a reset header as the same wait, to the second.
   */
  at: number;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  /** Absent when no answer came; `error` then says why. */
  response?: {
    status: number;
    headers: Record<string, string>;
    body: string;
    /** For a streamed upload: the bytes of it sent before this answer came. */
    bodyBytesSent?: number;
  };
  error?: string;
}

/** The placeholder values one check drew while it was recorded. */
export interface RecordedValues {
  unique: string[];
  uuid: string[];
}

export interface Cassette {
  format: typeof CASSETTE_FORMAT;
  version: typeof CASSETTE_VERSION;
  vendorId: VendorId;
  recordedAt: string;
  /** The base URL requests went to (credentials in it redacted); replay answers the same URLs. */
  baseUrl: string;
  /** Roles that had a credential, so a replay skips exactly the checks the recording skipped. */
  roles: CredentialRole[];
  /** Names of the facts that were configured, for the same reason. */
  facts: string[];
  /**
   * The facts' values (secret ones, such as a sign-in password, redacted) and the configured
   * operation paths: they shape the request URLs, which a replay must rebuild to match.
   */
  binding?: {
    facts: Record<string, string>;
    operations: Record<string, OperationOverride>;
    numericFacts?: string[];
  };
  /**
   * The `{{unique}}` and `{{uuid}}` values each check drew, in the order it drew them. They are
   * part of the URLs and bodies the check sent (a stale id such as `missing_{{unique}}`), so a
   * replay draws these same values again and rebuilds the very requests it has answers for.
   */
  values?: Record<string, RecordedValues>;
  /** The bounds the recording ran under; a replay applies the same, so "not verified" agrees. */
  limits: RunLimits;
  /** Exchanges by check id, in the order they were sent. */
  checks: Record<string, RecordedExchange[]>;
}

export const cassetteFileName = (vendorId: VendorId) => `${vendorId}.cassette.json`;
