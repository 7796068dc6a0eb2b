import type { TimelineEvent } from '../report/result.js';
import type { SequencePlan } from './sequences.js';

/**
 * One request as it reached the simulator, recorded on arrival. Until it is answered its status
 * is 0 and answeredAt its arrival time; a request the client abandoned stays so.
 */
export interface ObservedRequest {
  /** 'token' for a request to the OAuth token endpoint, 'api' for everything else. */
  kind: 'api' | 'token';
  method: string;
  /** Path and query, relative to the base URL. */
  target: string;
  /** Lower-case header names. Kept for judging only: never copied into a verdict. */
  headers: Readonly<Record<string, string>>;
  /** The body as text, for judging only (was the exact original body sent again?): never copied into a verdict. */
  body: string;
  receivedAt: number;
  answeredAt: number;
  status: number;
  /** The vendor error code in the answer, if any. */
  code: string | null;
}

/** Something the client did that is not a request: renewing its session through signIn. */
export interface ObservedSignIn {
  kind: 'sign_in';
  at: number;
}

export type ObservedEvent = ObservedRequest | ObservedSignIn;

export type SequenceEnd =
  | { kind: 'resolved'; status: number | null }
  | { kind: 'rejected'; error: string }
  /** The client was still busy when a limit of virtual time or timers was reached. */
  | { kind: 'abandoned'; reason: string };

export interface SequenceRun {
  plan: SequencePlan;
  startedAt: number;
  endedAt: number;
  /** Requests (in the order they arrived) and sign-ins. */
  events: ObservedEvent[];
  end: SequenceEnd;
}

/** The allowed range of one wait, drawn behind it in reports. */
export interface WaitWindow {
  min: number;
  max: number;
}

export function apiCalls(run: SequenceRun): ObservedRequest[] {
  const calls = run.events.filter((event): event is ObservedRequest => event.kind === 'api');
  // A held request is answered after the ones that overtook it; waits are about arrival order.
  return [...calls].sort((a, b) => a.receivedAt - b.receivedAt);
}

/** The time between each answer the client got and its next call: waits[0] precedes call 2. */
export function waitsOf(run: SequenceRun): number[] {
  const calls = apiCalls(run);
  return calls.slice(1).map((call, index) => call.receivedAt - (calls[index] as ObservedRequest).answeredAt);
}

/** Whether fresh credentials were fetched after the answer to `failed` and before `next` was sent. */
export function refreshedBetween(run: SequenceRun, failed: ObservedRequest, next: ObservedRequest): boolean {
  const from = run.events.indexOf(failed);
  const to = run.events.indexOf(next);
  return run.events.some(
    (event, index) => index > from && index < to && (event.kind === 'sign_in' || event.kind === 'token'),
  );
}

function endNote(end: SequenceEnd): string {
  switch (end.kind) {
    case 'resolved':
      return end.status === null ? 'the client returned' : `the client returned status ${end.status}`;
    case 'rejected':
      return `the client gave up: ${end.error}`;
    case 'abandoned':
      return `abandoned: ${end.reason}`;
  }
}

/** How each sequence's part of a timeline opens: renderers cut a rule's timeline there. */
export const SEQUENCE_NOTE = 'sequence: ';

/**
 * What the client did in one sequence, as timeline events on the sequence's own clock. `windowFor`
 * gives the allowed range of each wait (1 = before the first retry) for rules that have one.
 */
export function timelineOf(
  run: SequenceRun,
  windowFor?: (retryNumber: number) => WaitWindow | undefined,
): TimelineEvent[] {
  const at = (time: number) => time - run.startedAt;
  const events: TimelineEvent[] = [{ kind: 'note', atMs: 0, label: `${SEQUENCE_NOTE}${run.plan.title}` }];
  const calls = apiCalls(run);
  calls.forEach((call, index) => {
    const attempt = index + 1;
    events.push({
      kind: 'request',
      atMs: at(call.receivedAt),
      attempt,
      label: `${call.method} ${call.target}`,
    });
    events.push({
      kind: 'response',
      atMs: at(call.answeredAt),
      attempt,
      status: call.status,
      ...(call.code === null ? {} : { label: call.code }),
    });
    const next = calls[index + 1];
    if (next && refreshedBetween(run, call, next)) {
      events.push({ kind: 'note', atMs: at(call.answeredAt), label: 'credentials refreshed' });
    }
    if (next) {
      const allowed = windowFor?.(attempt);
      events.push({
        kind: 'wait',
        atMs: at(call.answeredAt),
        durationMs: next.receivedAt - call.answeredAt,
        label: `wait before call ${attempt + 1}`,
        ...(allowed ? { allowedMs: allowed } : {}),
      });
    }
  });
  events.push({ kind: 'note', atMs: at(run.endedAt), label: endNote(run.end) });
  return events.sort((a, b) => a.atMs - b.atMs);
}
