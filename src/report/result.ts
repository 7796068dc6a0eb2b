/**
 * The result of one conformance run, as the runner hands it to the reporters and as `results.json`
 * stores it. schemas/meta/run-result.schema.json describes the same shape for readers in other
 * languages; the JSON reporter validates against it before writing, so the two cannot drift apart
 * unnoticed.
 */
import type { ChecklistPathId } from './paths.js';

/** Every outcome a check can have, from worst to least informative (the order reports list them in). */
export const OUTCOMES = ['fail', 'drift', 'pass', 'skipped', 'not_applicable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes of a check that did not run; these always carry a reason. */
export type NotRunOutcome = 'not_applicable' | 'skipped';

/** Where the requests went: the embedded simulator over loopback HTTP or in-process, a vendor sandbox, or recorded responses. */
export type RunTarget = 'local' | 'nock' | 'sandbox' | 'replay';

export interface RunResult {
  /** Bumped on any incompatible change to this shape. */
  schemaVersion: 1;
  /** What produced the result, so a stored file says which version's rules it was checked against. */
  tool: { name: string; version: string };
  target: RunTarget;
  /** ISO 8601 timestamps (with time zone) of the run's start and end on the wall clock. */
  startedAt: string;
  finishedAt: string;
  /** Real elapsed time of the whole run. */
  wallTimeMs: number;
  /** Sum of the waits the checks verified on the virtual clock instead of sleeping through them. */
  simulatedWaitMs: number;
  /** HTTP requests sent during the run, including any made outside a check (a token fetch, say). */
  requests: number;
  /** The check ids the run was narrowed to (`run --only`); absent when it ran every check. */
  only?: string[];
  vendors: VendorRun[];
  /** Number of checks with each outcome, over every vendor. */
  totals: Record<Outcome, number>;
}

export interface VendorRun {
  /** The vendor id (a folder under schemas/). */
  id: string;
  /** The vendor's display name. */
  name: string;
  /** Where requests went; absent for in-process targets. Credentials in it are redacted by reporters. */
  baseUrl?: string;
  checks: CheckResult[];
}

interface CheckFields {
  /** Unique within the vendor, stable between runs (for example `rate_limit.retry_after_honoured`). */
  id: string;
  /** The matrix row this check belongs to. */
  path: ChecklistPathId;
  /** What the check verifies, as a sentence. */
  title: string;
  /** The vendor error code the check exercises, when it exercises one. */
  code?: string;
  /** Assertions that did not hold. Non-empty exactly when the outcome is `fail`. */
  failures: CheckFailure[];
  /** Differences from the documentation that the check tolerates (fields the schema does not know, say). */
  drift: DriftNote[];
  /** The requests the check sent and what came back, in order. */
  exchanges: Exchange[];
  /** For retry and backoff sequences: what happened when, on the virtual clock. */
  timeline?: TimelineEvent[];
  /** HTTP requests this check sent. */
  requests: number;
  /** Waiting this check verified on the virtual clock. */
  simulatedWaitMs: number;
  /** Real time the check took. */
  durationMs: number;
}

/** A check that ran. A reason is optional (a pass may say why it counts as one). */
export interface RanCheck extends CheckFields {
  outcome: Exclude<Outcome, NotRunOutcome>;
  reason?: string;
}

/** A check that did not run: the vendor does not document the path, or the run was not configured for it. */
export interface NotRunCheck extends CheckFields {
  outcome: NotRunOutcome;
  /** Why, in words a reader can act on: "ClaimRev documents no rate limit", "set CASEXCHANGE_READONLY_KEY to enable". */
  reason: string;
}

export type CheckResult = RanCheck | NotRunCheck;

/** One assertion that did not hold. Expected and actual are any JSON value; strings are shown as they are. */
export interface CheckFailure {
  message: string;
  expected?: JsonValue;
  actual?: JsonValue;
}

export interface DriftNote {
  message: string;
  /** JSON Pointer into the response body, when the drift is about one member. */
  path?: string;
  /** The reading the check expected: an inferred reading of the docs, not a promise. */
  expected?: JsonValue;
  /** What came back instead. */
  actual?: JsonValue;
}

export interface Exchange {
  /** When the request was sent, in ms since the check started, on the clock the check ran under (virtual when waits are simulated). */
  atMs: number;
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: CapturedBody;
  };
  /** Absent when no response arrived; `error` then says why. */
  response?: {
    status: number;
    headers: Record<string, string>;
    body?: CapturedBody;
  };
  /** A transport failure (connection refused, timeout) instead of a response. */
  error?: string;
}

/** A body as text, cut at a length that keeps reports readable. */
export interface CapturedBody {
  text: string;
  /** True when `text` is only the start of the body. */
  truncated: boolean;
}

/** Something that happened during a retry sequence; `atMs` counts from the check's start on the virtual clock. */
export type TimelineEvent = TimelineRequest | TimelineResponse | TimelineWait | TimelineNote;

export interface TimelineRequest {
  kind: 'request';
  atMs: number;
  /** 1 for the first call, 2 for the first retry, and so on. */
  attempt: number;
  /** For example `POST /claims`. */
  label: string;
}

export interface TimelineResponse {
  kind: 'response';
  atMs: number;
  attempt: number;
  status: number;
  /** For example the error code the response carried. */
  label?: string;
}

export interface TimelineWait {
  kind: 'wait';
  atMs: number;
  durationMs: number;
  /** Where the wait came from: `Retry-After: 2`, `schedule step 2 + jitter`. */
  label: string;
  /** The window the vendor's rules allow for this wait; reports draw it behind the wait. */
  allowedMs?: { min: number; max: number };
}

/** A moment worth marking that is neither a request nor a wait: giving up, escalating. */
export interface TimelineNote {
  kind: 'note';
  atMs: number;
  label: string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
