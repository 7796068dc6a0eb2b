import type { ClientCredentials } from '../client/types.js';
import type { TimelineEvent } from '../report/result.js';
import type { VendorId } from '../vendors/registry.js';

/**
 * The contract between checkClient and the client it judges. The client under test is wrapped in
 * a small adapter: a factory that receives where to send requests and with which credentials, and
 * returns a function that makes one logical call. Everything else (retries, waits, Idempotency-Keys,
 * refreshing credentials) is the client's own business; checkClient only watches what arrives.
 */

/** One logical call the check asks the client to make. */
export interface ClientCall {
  method: string;
  /** Relative to the base URL, query included; starts with '/'. */
  path: string;
  /** Headers the application would add itself (none that the client is expected to manage). */
  headers: Readonly<Record<string, string>>;
  /** A JSON body for writes, absent for reads. */
  body?: unknown;
}

/** What the adapter may report back; only the status is read, and only for the timeline. */
export interface ClientReply {
  status?: number;
}

export interface ClientContext {
  vendorId: VendorId;
  /** Where the simulator listens, inside this process (nock); no socket is opened. */
  baseUrl: string;
  /** The vendor's test credentials, in the shape createClient takes for the vendor's scheme. */
  credentials: ClientCredentials;
  /**
   * The credential headers for one call, for a client that does not authenticate by itself
   * (an OAuth token is fetched from the simulated token endpoint on first use, then cached).
   */
  authHeaders(): Promise<Record<string, string>>;
}

/** Makes one logical call, with as many HTTP requests as the client sees fit. May reject. */
export type ClientUnderTest = (call: ClientCall) => Promise<ClientReply | undefined | unknown>;

/** The adapter a user writes: called once per scripted sequence, with a fresh context. */
export type ClientFactory = (context: ClientContext) => ClientUnderTest | Promise<ClientUnderTest>;

/**
 * `advice` is a departure from a reading the project inferred (a schedule, jitter or attempt limit
 * the docs do not state): reported with the reading, never counted as a violation.
 */
export type RuleOutcome = 'obeyed' | 'violated' | 'advice' | 'not_applicable';

/** The judgement of one rule of the vendor's policy. */
export interface RuleVerdict {
  /** Stable id, e.g. `retry_after.seconds`, `no_retry.403`. */
  rule: string;
  /** The rule as a sentence, with the vendor's numbers in it. */
  title: string;
  outcome: RuleOutcome;
  /** Why, in terms of what the client did (or why the rule does not apply to this vendor). */
  reason: string;
  /** What the client did in the sequences this rule was judged on; `atMs` counts from each sequence's start. */
  timeline: TimelineEvent[];
}

export interface ClientCheckResult {
  vendorId: VendorId;
  vendorName: string;
  verdicts: RuleVerdict[];
  /** True when no rule was violated. */
  passed: boolean;
  /** HTTP requests the client made, token requests included. */
  requests: number;
  /** Time that passed on the virtual clock over all sequences. */
  virtualTimeMs: number;
  /** Real time the whole check took. */
  wallTimeMs: number;
}

export interface CheckClientOptions {
  /** Where the simulator is mounted; any origin works, since nock intercepts it. */
  baseUrl?: string;
  /** Start of virtual time; fixed by default so that HTTP-dates and results are reproducible. */
  startTime?: number;
  /** Seed of the Math.random that clients see during the check. */
  seed?: number;
  /** The longest wait a client should ever sleep through; 120 s by default, as createClient's. */
  maxWaitMs?: number;
}
