import { normalizeError } from '../../normalize/normalize-error.js';
import type {
  CheckFailure,
  CheckResult,
  DriftNote,
  Exchange,
  JsonValue,
  NotRunOutcome,
  TimelineEvent,
} from '../../report/result.js';
import type { HttpAnswer, HttpSend } from '../../scenarios/runner.js';
import type { VendorId } from '../../vendors/registry.js';
import { credentialSecrets } from '../credential-secrets.js';
import { pacedSend, RateLimitedBeyondWaitError } from '../pacing.js';
import { redactCheck } from '../redact-check.js';
import type { ConformanceTarget, NotRunPlannedCheck, SequenceCheck } from '../types.js';

/** One request as it goes on the wire: what the recorder sends and keeps. */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Everything one sequence does, kept as it happens: each exchange, a timeline of requests,
 * answers, waits and notes on the target's clock, the broken promises, and the waiting verified.
 * A sequence sends and waits only through it, so nothing it does goes unreported.
 */
export class SequenceRecorder {
  readonly baseUrl: string;
  /** The catalog code the sequence provokes, when it provokes one. */
  code: string | undefined;
  readonly #failures: CheckFailure[] = [];
  readonly #drift: DriftNote[] = [];
  readonly #exchanges: Exchange[] = [];
  readonly #timeline: TimelineEvent[] = [];
  readonly #attempts = new Map<string, number>();
  readonly #startedAt: number;
  readonly #started = performance.now();
  #waitedMs = 0;
  #notVerified: string | undefined;

  /** Sends through the vendor's documented rate limit, waiting it out on this sequence's timeline. */
  readonly #send: HttpSend;

  constructor(
    readonly vendorId: VendorId,
    readonly target: ConformanceTarget,
    readonly check: SequenceCheck,
  ) {
    this.baseUrl = target.baseUrl(vendorId);
    this.#startedAt = target.now();
    this.#send = pacedSend({
      vendorId,
      target,
      path: check.path,
      ...(target.send ? { send: target.send } : {}),
      wait: (ms, label) => this.wait(ms, label),
    });
  }

  /** Milliseconds since the sequence began, on the target's clock. */
  elapsed(): number {
    return this.target.now() - this.#startedAt;
  }

  /** Calls made so far of one request line (`GET /v1/claims`): how a retry count is read. */
  callsOf(method: string, url: string): number {
    return this.#attempts.get(lineOf(method, url)) ?? 0;
  }

  /** Sends one request over HTTP and records it. A transport failure is recorded, then rethrown. */
  async send(request: OutgoingRequest): Promise<HttpAnswer> {
    const line = lineOf(request.method, request.url);
    const attempt = (this.#attempts.get(line) ?? 0) + 1;
    this.#attempts.set(line, attempt);
    const atMs = this.elapsed();
    this.#timeline.push({ kind: 'request', atMs, attempt, label: line });
    const sent: Exchange['request'] = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: { text: request.body, truncated: false } }),
    };
    let answer: HttpAnswer;
    try {
      const body = request.body === undefined ? undefined : Buffer.from(request.body);
      answer = await this.#send(request.url, request.method, request.headers, body);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#exchanges.push({ atMs, request: sent, error: message });
      // The vendor's rate limit asked for more than the run allows: not this sequence's subject.
      if (error instanceof RateLimitedBeyondWaitError) this.notVerified(message);
      throw error;
    }
    this.#exchanges.push({
      atMs,
      request: sent,
      response: {
        status: answer.status,
        headers: answer.headers,
        body: { text: answer.body, truncated: false },
      },
    });
    const code = answer.status >= 400 ? normalizeError(this.vendorId, answer).code : null;
    this.#timeline.push({
      kind: 'response',
      atMs: this.elapsed(),
      attempt,
      status: answer.status,
      ...(code === null ? {} : { label: code }),
    });
    return answer;
  }

  /** Lets `ms` pass on the target and counts it as waiting the sequence verifies. */
  async wait(ms: number, label: string, allowedMs?: { min: number; max: number }): Promise<void> {
    this.#timeline.push({
      kind: 'wait',
      atMs: this.elapsed(),
      durationMs: ms,
      label,
      ...(allowedMs ? { allowedMs } : {}),
    });
    this.#waitedMs += ms;
    await this.target.wait(ms, label);
  }

  note(label: string): void {
    this.#timeline.push({ kind: 'note', atMs: this.elapsed(), label });
  }

  fail(message: string, expected?: JsonValue, actual?: JsonValue): void {
    this.#failures.push({
      message,
      ...(expected === undefined ? {} : { expected }),
      ...(actual === undefined ? {} : { actual }),
    });
  }

  /**
   * Records an answer that differs from an inferred reading (not a promise the docs make): the
   * check ends as drift, with the reading expected, unless something failed.
   */
  drift(message: string, expected?: JsonValue, actual?: JsonValue): void {
    this.#drift.push({
      message,
      ...(expected === undefined ? {} : { expected }),
      ...(actual === undefined ? {} : { actual }),
    });
  }

  /**
   * Judges one difference by the provenance of what was expected: a failure where the docs promise
   * it, drift where it is the project's reading. Returns whether it holds, like `expect`.
   */
  judge(
    holds: boolean,
    source: 'documented' | 'inferred',
    message: string,
    expected?: JsonValue,
    actual?: JsonValue,
  ): boolean {
    if (holds) return true;
    if (source === 'documented') this.fail(message, expected, actual);
    else this.drift(`${message} (an inferred reading, not a promise)`, expected, actual);
    return false;
  }

  /** Records a failure unless `holds`; returns `holds`, so a sequence can stop where later steps mean nothing. */
  expect(holds: boolean, message: string, expected?: JsonValue, actual?: JsonValue): boolean {
    if (!holds) this.fail(message, expected, actual);
    return holds;
  }

  /**
   * Ends the sequence without a verdict: the API would have to be pushed past the run's limits
   * (see RunLimits). The check is reported as skipped with the reason, never as a pass.
   */
  notVerified(reason: string): void {
    this.#notVerified = `Not verified: ${reason}`;
  }

  get failed(): boolean {
    return this.#failures.length > 0;
  }

  /** The check's result, redacted like every other check's. */
  result(): CheckResult {
    const { id, path, title } = this.check;
    const secrets = credentialSecrets(this.target.credentials(this.vendorId));
    return redactCheck(
      this.vendorId,
      this.baseUrl,
      {
        id,
        path,
        title,
        ...(this.code === undefined ? {} : { code: this.code }),
        ...(this.failed
          ? { outcome: 'fail' as const }
          : this.#notVerified !== undefined
            ? { outcome: 'skipped' as const, reason: this.#notVerified }
            : this.#drift.length > 0
              ? { outcome: 'drift' as const }
              : { outcome: 'pass' as const }),
        failures: this.#failures,
        // A skipped check reports no verdict, drift included.
        drift: this.failed || this.#notVerified === undefined ? this.#drift : [],
        exchanges: this.#exchanges,
        timeline: this.#timeline,
        requests: this.#exchanges.length,
        simulatedWaitMs: this.#waitedMs,
        durationMs: performance.now() - this.#started,
      },
      secrets,
    );
  }
}

/** The result of a sequence that did not run, with the reason it did not. */
export function notRunResult(
  check: SequenceCheck | NotRunPlannedCheck,
  outcome: NotRunOutcome,
  reason: string,
): CheckResult {
  const { id, path, title } = check;
  return {
    id,
    path,
    title,
    outcome,
    reason,
    failures: [],
    drift: [],
    exchanges: [],
    requests: 0,
    simulatedWaitMs: 0,
    durationMs: 0,
  };
}

/** `GET /v1/claims?x=1`: the method and the URL's path and query. */
function lineOf(method: string, url: string): string {
  const parsed = new URL(url);
  return `${method} ${parsed.pathname}${parsed.search}`;
}
