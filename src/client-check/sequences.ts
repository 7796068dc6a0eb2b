import type { VendorPolicy } from '../generated/meta-types.js';
import {
  BAD_GATEWAY,
  GATEWAY_TIMEOUT,
  INTERNAL_SERVER_ERROR,
  isServerError,
  rateLimitStatusOf,
  SERVICE_UNAVAILABLE,
  UNAUTHORIZED,
} from '../http-status.js';
import type { FaultSpec } from '../scenarios/simulator-controls.js';
import type { ResolvedRequest } from '../scenarios/types.js';
import { getVendor, type VendorId } from '../vendors/registry.js';

/**
 * The scripted failure sequences. Each one asks the client for one call (the vendor's sample read
 * or write) and arms faults that fail its first requests in a chosen way; the simulator's model
 * answers whatever comes after. Every number and code here comes from the vendor's policy and
 * catalog, so a new vendor gets its sequences from its data.
 */

/** The server-requested wait in the 429 sequences: longer than any vendor's first backoff step. */
export const SERVER_WAIT_SECONDS = 6;
/** A server-requested wait far beyond any sensible ceiling: one hour. */
export const LONG_WAIT_SECONDS = 3600;
/** The redirect played, and the query parameter its Location adds, so a followed call is told apart. */
export const REDIRECT_STATUS = 302;
export const FOLLOWED_MARK = 'followed=1';
/** How long the timed-out write is held before the gateway gives up on it. */
export const HELD_WRITE_MS = 20_000;
/**
 * Statuses a repeat of the unchanged call cannot cure (401 only where no refresh is documented);
 * whether repeating one is a violation depends on the vendor's doc line for it.
 */
export const FINAL_STATUSES = [400, 401, 403, 404, 422] as const;

export type SequenceId =
  | 'retry_after_seconds'
  | 'retry_after_date'
  | 'rate_limit_reset'
  | 'long_server_wait'
  | 'transient_then_success'
  | 'server_errors_until_limit'
  | 'server_errors_reseeded'
  | 'unauthorized_then_refresh'
  | 'timed_out_write'
  | 'key_mismatch'
  | 'redirect'
  | `final_${(typeof FINAL_STATUSES)[number]}`;

export interface SequencePlan {
  id: SequenceId;
  /** What the sequence does, as a phrase for timelines. */
  title: string;
  call: 'read' | 'write';
  /** Faults armed at the sequence's start (`now`, on the virtual clock) for the call to `target` (path and query). */
  faults(now: number, target: string): Omit<FaultSpec, 'route' | 'method'>[];
  /** Which random seed the client sees: the reseeded run differs from its twin only in this. */
  seedOffset: number;
}

/** The route a fault is armed on: the sample call's path without its query. */
export function faultTarget(request: ResolvedRequest): { route: string; method: string } {
  return { route: request.path.split('?')[0] ?? request.path, method: request.method };
}

/** The vendor's own answer for a status: its catalog code when it has one, else a bare status. */
export function faultFor(vendorId: VendorId, status: number): { code: string } | { status: number } {
  const entry = getVendor(vendorId).catalog.find(
    (candidate) => candidate.status === status && candidate.surface === 'api',
  );
  return entry ? { code: entry.code } : { status };
}

/** The 429 answer carrying (toUTCString gives RFC 9110's IMF-fixdate) the vendor's wait header, `seconds` from `now`, in the policy's form. */
function rateLimitFault(
  vendorId: VendorId,
  policy: VendorPolicy,
  now: number,
  seconds: number,
  form: 'seconds' | 'date',
): Omit<FaultSpec, 'route' | 'method'> {
  const at = now + seconds * 1000;
  const headers: Record<string, string> = {};
  const reset = policy.rateLimit.resetHeader;
  if (policy.rateLimit.retryAfterHeader) {
    headers['Retry-After'] = form === 'date' ? new Date(at).toUTCString() : String(seconds);
  } else if (reset) {
    const value =
      reset.unit === 'delta_seconds'
        ? seconds
        : reset.unit === 'epoch_milliseconds'
          ? at
          : Math.ceil(at / 1000);
    headers[reset.name] = String(value);
  }
  return { ...faultFor(vendorId, rateLimitStatusOf(policy.rateLimit)), headers };
}

/**
 * The first retryable 5xx among those given, else the first at all; statuses the vendor's status
 * table documents come first, so a client is not judged on a status its docs never name.
 */
function retryableStatus(policy: VendorPolicy, preferred: readonly number[]): number {
  const statuses = policy.retry.retryableStatuses.filter(isServerError);
  const documented = statuses.filter((status) =>
    policy.statuses.some((row) => row.status === status && row.source === 'documented'),
  );
  const pool = documented.length > 0 ? documented : statuses;
  return preferred.find((status) => pool.includes(status)) ?? pool[0] ?? INTERNAL_SERVER_ERROR;
}

/**
 * What a gateway answers for a write it held too long: RFC 9110's Gateway Timeout wherever the
 * vendor's policy retries it, else the policy's own retryable 5xx. Any documented status is kept:
 * the rule this sequence feeds judges whether the write is repeated, not how the status is read.
 */
function gatewayTimeoutStatus(policy: VendorPolicy): number {
  return policy.retry.retryableStatuses.includes(GATEWAY_TIMEOUT)
    ? GATEWAY_TIMEOUT
    : retryableStatus(policy, []);
}

export function planSequences(vendorId: VendorId): ReadonlyMap<SequenceId, SequencePlan> {
  const { policy } = getVendor(vendorId);
  const transient = retryableStatus(policy, [SERVICE_UNAVAILABLE, BAD_GATEWAY]);
  const failing = retryableStatus(policy, [INTERNAL_SERVER_ERROR]);
  const timedOut = gatewayTimeoutStatus(policy);
  const limit = policy.retry.maxAttempts;
  const plans: SequencePlan[] = [
    {
      id: 'retry_after_seconds',
      title: `429 with Retry-After: ${SERVER_WAIT_SECONDS}, then success`,
      call: 'read',
      faults: (now) => [rateLimitFault(vendorId, policy, now, SERVER_WAIT_SECONDS, 'seconds')],
      seedOffset: 0,
    },
    {
      id: 'retry_after_date',
      title: `429 with Retry-After as an HTTP-date ${SERVER_WAIT_SECONDS} s ahead, then success`,
      call: 'read',
      faults: (now) => [rateLimitFault(vendorId, policy, now, SERVER_WAIT_SECONDS, 'date')],
      seedOffset: 0,
    },
    {
      id: 'rate_limit_reset',
      title: `429 with ${policy.rateLimit.resetHeader?.name ?? 'a reset header'} ${SERVER_WAIT_SECONDS} s ahead, then success`,
      call: 'read',
      faults: (now) => [rateLimitFault(vendorId, policy, now, SERVER_WAIT_SECONDS, 'seconds')],
      seedOffset: 0,
    },
    {
      id: 'long_server_wait',
      title: `429 asking for a ${LONG_WAIT_SECONDS} s wait, then success`,
      call: 'read',
      faults: (now) => [rateLimitFault(vendorId, policy, now, LONG_WAIT_SECONDS, 'seconds')],
      seedOffset: 0,
    },
    {
      id: 'transient_then_success',
      title: `${transient}, ${transient}, then success`,
      call: 'read',
      faults: () => [{ ...faultFor(vendorId, transient), count: 2 }],
      seedOffset: 0,
    },
    {
      id: 'server_errors_until_limit',
      title: `${failing} on every call`,
      call: 'read',
      faults: () => [{ ...faultFor(vendorId, failing), count: limit + 3 }],
      seedOffset: 0,
    },
    {
      id: 'server_errors_reseeded',
      title: `${failing} on every call, with another random seed`,
      call: 'read',
      faults: () => [{ ...faultFor(vendorId, failing), count: limit + 3 }],
      seedOffset: 1,
    },
    {
      id: 'unauthorized_then_refresh',
      title: '401 once, then success',
      call: 'read',
      faults: () => [faultFor(vendorId, UNAUTHORIZED)],
      seedOffset: 0,
    },
    ...FINAL_STATUSES.map(
      (status): SequencePlan => ({
        id: `final_${status}`,
        title: `${status} on every call`,
        call: 'read',
        faults: () => [{ ...faultFor(vendorId, status), count: 3 }],
        seedOffset: 0,
      }),
    ),
    {
      id: 'timed_out_write',
      title: `a write held ${HELD_WRITE_MS / 1000} s and answered ${timedOut}, then success`,
      call: 'write',
      faults: () => [{ ...faultFor(vendorId, timedOut), delayMs: HELD_WRITE_MS }],
      seedOffset: 0,
    },
    {
      id: 'redirect',
      title: `${REDIRECT_STATUS} to the same read with ${FOLLOWED_MARK}, then success`,
      call: 'read',
      faults: (_now, target) => [
        {
          status: REDIRECT_STATUS,
          headers: { Location: `${target}${target.includes('?') ? '&' : '?'}${FOLLOWED_MARK}` },
        },
      ],
      seedOffset: 0,
    },
    {
      id: 'key_mismatch',
      title: `${policy.idempotency.mismatch?.code ?? 'key mismatch'} once, then success`,
      call: 'write',
      faults: () => (policy.idempotency.mismatch ? [{ code: policy.idempotency.mismatch.code }] : []),
      seedOffset: 0,
    },
  ];
  return new Map(plans.map((plan) => [plan.id, plan]));
}
