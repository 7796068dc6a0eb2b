import type { TimelineEvent, TimelineResponse } from '../../result.js';

/** One call of a check, numbered in the order the check sent it, with the response it got. */
export interface NumberedCall {
  /** 1 for the check's first request, whatever endpoint it went to. */
  number: number;
  atMs: number;
  /** The sender's own attempt count for that endpoint (a token request restarts at 1). */
  attempt: number;
  label: string;
  response?: TimelineResponse;
}

/**
 * Requests numbered per check. Attempt numbers restart for each endpoint (a refresh's token
 * request is attempt 1 again), so they cannot name a call. Each response goes to the latest
 * unanswered request with its attempt number: responses follow their request, and a request
 * held in flight is still found when its answer comes later.
 */
export function numberCalls(events: readonly TimelineEvent[]): NumberedCall[] {
  const calls: NumberedCall[] = [];
  for (const event of events) {
    if (event.kind === 'request') {
      calls.push({ number: calls.length + 1, atMs: event.atMs, attempt: event.attempt, label: event.label });
    } else if (event.kind === 'response') {
      const call = calls.findLast((candidate) => candidate.attempt === event.attempt && !candidate.response);
      if (call) call.response = event;
    }
  }
  return calls;
}
