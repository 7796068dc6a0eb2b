import type { Call } from './call.js';

/**
 * What a vendor's page promises, as cases: the request that provokes a documented answer and the
 * status and code the page gives it (or the reading chosen here where it gives none). The unit tests
 * run them against the independent vendors, and run them again with each seeded bug switched on to
 * show that the bug changes exactly the cases that name it. Each vendor's cases are in
 * `vendors/<v>/cases.ts`.
 */
export interface DocumentedCase<Bug extends string = string> {
  title: string;
  /** Requests sent first, in order, each `times` times; their answers are not judged. */
  before?: readonly { call: Call; times?: number }[];
  call: Call;
  expect: { status: number; code?: string };
  /** Response headers the answer must carry. */
  headers?: readonly string[];
  /** The seeded bugs that change this case's answer. */
  bugs?: readonly Bug[];
}

/**
 * Which of a vendor's error answers carry a request id: every one, only the 4xx (a 5xx may leave
 * it out), or none (an API whose errors have no request id member).
 */
export type RequestIdOn = 'every error' | 'client errors' | 'none';

/** Whether an answer with this status must carry a request id, by the vendor's `requestIdOn`. */
export function promisesRequestId(requestIdOn: RequestIdOn, status: number): boolean {
  if (status < 400 || requestIdOn === 'none') return false;
  return requestIdOn === 'every error' || status < 500;
}

/**
 * How a vendor with a rate limit is played: a read its rateLimited role repeats, the header its 429
 * advertises the wait in, and optionally how early a request gets through again (a token bucket
 * lifts before the advertised time): with `refillMs` per token, the 429 advertises `advertised`
 * and a request `waitMs` later is served.
 */
export interface RateLimitCase {
  operation: string;
  header: string;
  early?: { refillMs: number; advertised: string; waitMs: number };
}
