import type { HttpMethod, VendorPolicy } from '../generated/meta-types.js';
import { formatDuration } from '../report/format.js';
import { scheduledWindowMs } from '../retry/schedule.js';
import { plural } from '../text/plural.js';
import { getVendor, type VendorId } from '../vendors/registry.js';
import {
  apiCalls,
  type ObservedRequest,
  refreshedBetween,
  type SequenceRun,
  type WaitWindow,
  waitsOf,
} from './observation.js';
import { FINAL_STATUSES, LONG_WAIT_SECONDS, SERVER_WAIT_SECONDS, type SequenceId } from './sequences.js';
import { describeWindow, serverWaitWindow, within } from './windows.js';

/**
 * The rules a client is judged on, each derived from the vendor's policy: whether it applies, which
 * scripted sequences show it, and how to tell obeyed from violated from what reached the simulator.
 * A rule never looks at the client, only at its requests.
 */

export interface Judgement {
  /**
   * not_applicable when what the client did leaves the rule nothing to judge; advice when it
   * departs only from a reading the project inferred.
   */
  outcome: 'obeyed' | 'violated' | 'advice' | 'not_applicable';
  reason: string;
}

export interface Rule {
  id: string;
  title: string;
  /** Why the rule does not apply to this vendor, or null when it does. */
  notApplicable: string | null;
  sequences: readonly SequenceId[];
  /**
   * Where the rule comes from: the vendor's docs, or a reading the project inferred, in which case
   * breaking it is advice, not a violation. For the backoff schedule this is the provenance of the
   * shortest waits; waiting longer than an inferred jitter range allows is advice either way.
   */
  reading: 'documented' | 'inferred';
  /** The allowed range of a wait in one of this rule's sequences, for the timeline. */
  windowFor?: (sequence: SequenceId, retryNumber: number) => WaitWindow | undefined;
  judge(run: (id: SequenceId) => SequenceRun): Judgement;
}

const obeyed = (reason: string): Judgement => ({ outcome: 'obeyed', reason });
const violated = (reason: string): Judgement => ({ outcome: 'violated', reason });
/** A departure judged against a fact of this provenance: a violation only of a documented one. */
const departed = (source: 'documented' | 'inferred' | undefined, reason: string): Judgement =>
  source === 'inferred'
    ? { outcome: 'advice', reason: `${reason} (an inferred reading, not a documented rule)` }
    : violated(reason);
const range = describeWindow;
const times = (count: number) => (count === 1 ? 'once' : `${count} times`);
const calls = (count: number) => plural(count, 'call');

/** The first wait of a 429 sequence, judged against the window the server's header implies. */
function serverWaitRule(
  id: string,
  title: string,
  sequence: SequenceId,
  policy: VendorPolicy,
  notApplicable: string | null,
  header: string,
): Rule {
  const window = serverWaitWindow(policy.retry, SERVER_WAIT_SECONDS * 1000);
  return {
    id,
    title,
    notApplicable,
    sequences: [sequence],
    reading: 'documented',
    windowFor: (_sequence, retry) => (retry === 1 ? window : undefined),
    judge(run) {
      const [wait] = waitsOf(run(sequence));
      if (wait === undefined) return violated(`did not repeat the call after the 429 with ${header}`);
      if (within(wait, window)) return obeyed(`waited ${formatDuration(wait)} (allowed ${range(window)})`);
      const direction = wait < window.min ? 'too soon' : 'too long';
      return violated(
        `waited ${formatDuration(wait)} after ${header}, ${direction}: allowed ${range(window)}`,
      );
    },
  };
}

function rateLimitRules(policy: VendorPolicy, vendorName: string, maxWaitMs: number): Rule[] {
  const limits = policy.rateLimit;
  const noLimit = limits.documented ? null : `${vendorName} documents no rate limit`;
  const noRetryAfter =
    noLimit ?? (limits.retryAfterHeader ? null : `${vendorName} documents no Retry-After on its 429`);
  const reset = limits.resetHeader;
  const noReset = noLimit ?? (reset ? null : `${vendorName} documents no rate-limit reset header`);
  const resetName = reset?.name ?? 'reset header';
  const unit = reset?.unit.replaceAll('_', ' ') ?? '';
  const noServerWait =
    noLimit ?? (limits.retryAfterHeader || reset ? null : `${vendorName} names no header with a wait`);
  return [
    serverWaitRule(
      'retry_after.seconds',
      `After a 429, waits at least Retry-After given in seconds`,
      'retry_after_seconds',
      policy,
      noRetryAfter,
      `Retry-After: ${SERVER_WAIT_SECONDS}`,
    ),
    serverWaitRule(
      'retry_after.http_date',
      `After a 429, waits until a Retry-After given as an HTTP-date`,
      'retry_after_date',
      policy,
      noRetryAfter,
      'a Retry-After date',
    ),
    serverWaitRule(
      'rate_limit_reset.unit',
      reset
        ? `After a 429, waits until ${resetName}, read as ${unit}`
        : 'After a 429, waits until the reset time',
      'rate_limit_reset',
      policy,
      noReset,
      resetName,
    ),
    {
      id: 'wait.ceiling',
      title: `Never sleeps longer than ${maxWaitMs / 1000} s before a retry, even when the server asks for more`,
      notApplicable: noServerWait,
      sequences: ['long_server_wait'],
      reading: 'documented',
      judge(run) {
        const long = run('long_server_wait');
        const [wait] = waitsOf(long);
        if (long.end.kind === 'abandoned')
          return violated(`was still waiting to retry after the server asked for ${LONG_WAIT_SECONDS} s`);
        if (wait === undefined)
          return obeyed(`stopped instead of waiting the ${LONG_WAIT_SECONDS} s asked for`);
        if (wait > maxWaitMs) return violated(`slept ${formatDuration(wait)} before retrying`);
        return obeyed(`retried after ${formatDuration(wait)}, within the ceiling`);
      },
    },
  ];
}

function retryRules(policy: VendorPolicy, vendorName: string): Rule[] {
  const { retry } = policy;
  const limit = retry.maxAttempts;
  const window = (_sequence: SequenceId, retryNumber: number) => scheduledWindowMs(retry, retryNumber);
  const jitter = retry.jitterMs;
  const delaysDocumented = retry.delaysSource !== 'inferred';
  const upperDocumented = delaysDocumented && jitter?.source === 'documented';
  const jittered =
    jitter !== null &&
    jitter.max > jitter.min &&
    (retry.delays.kind === 'exponential' || retry.delays.steps.some((step) => step.jitter));
  return [
    {
      id: 'backoff.schedule',
      title: `Backs off between 5xx retries within the documented schedule (${[1, 2, 3]
        .map((n) => range(scheduledWindowMs(retry, n)))
        .join(', ')}, …)`,
      notApplicable: null,
      sequences: ['transient_then_success', 'server_errors_until_limit'],
      reading: delaysDocumented ? 'documented' : 'inferred',
      windowFor: window,
      judge(run) {
        // Waiting less than the schedule breaks it where the waits are documented; waiting longer
        // breaks it only where the jitter range is documented too (a client may add jitter the
        // docs do not mention). Any other departure is from the project's reading: advice.
        const violations: string[] = [];
        const advice: string[] = [];
        for (const id of ['transient_then_success', 'server_errors_until_limit'] as const) {
          const waits = waitsOf(run(id));
          if (waits.length === 0) violations.push(`never retried in "${run(id).plan.title}"`);
          waits.forEach((wait, index) => {
            const allowed = scheduledWindowMs(retry, index + 1);
            if (within(wait, allowed)) return;
            const problem = `wait ${index + 1} was ${formatDuration(wait)}, allowed ${range(allowed)}`;
            const documented = wait < allowed.min ? delaysDocumented : upperDocumented;
            (documented ? violations : advice).push(problem);
          });
        }
        if (violations.length > 0) return violated([...new Set(violations)].join('; '));
        return advice.length === 0
          ? obeyed('every wait fell inside its documented window')
          : departed('inferred', [...new Set(advice)].join('; '));
      },
    },
    {
      id: 'backoff.jitter',
      title: `Adds random jitter (${jitter ? `${jitter.min} to ${jitter.max} ms` : 'none'}) to its backoff`,
      notApplicable: jittered ? null : `${vendorName}'s schedule has no jitter`,
      sequences: ['server_errors_until_limit', 'server_errors_reseeded'],
      reading: jitter?.source ?? 'documented',
      windowFor: window,
      judge(run) {
        const first = waitsOf(run('server_errors_until_limit'));
        const second = waitsOf(run('server_errors_reseeded'));
        if (first.length === 0) return violated('never retried, so it never waited at all');
        const same = first.length === second.length && first.every((wait, index) => wait === second[index]);
        return same
          ? departed(
              jitter?.source,
              `waited exactly the same (${first.map(formatDuration).join(', ')}) with another random seed`,
            )
          : obeyed('its waits changed with the random seed');
      },
    },
    {
      id: 'attempts.limit',
      title: `Makes no more than ${limit} calls when every call fails`,
      notApplicable: null,
      sequences: ['server_errors_until_limit'],
      reading: retry.maxAttemptsSource,
      windowFor: window,
      judge(run) {
        // The docs set a ceiling ("give up after", "do not retry indefinitely"), not a quota:
        // stopping sooner is allowed, and a client that never retries fails backoff.schedule.
        const made = apiCalls(run('server_errors_until_limit')).length;
        if (made > limit)
          return departed(retry.maxAttemptsSource, `made ${calls(made)}; the vendor's limit is ${limit}`);
        return obeyed(
          made === limit
            ? `made ${calls(made)}, then stopped`
            : `stopped after ${calls(made)}, within the vendor's limit of ${limit}`,
        );
      },
    },
  ];
}

function finalStatusRules(policy: VendorPolicy, vendorName: string, vendorId: VendorId): Rule[] {
  const refreshes = (policy.authentication.refreshOn401 ?? 0) > 0;
  const documented = (status: number) =>
    policy.statuses.some((entry) => entry.status === status) ||
    getVendor(vendorId).catalog.some((entry) => entry.status === status && entry.surface === 'api');
  return FINAL_STATUSES.map((status): Rule => {
    const sequence: SequenceId = `final_${status}`;
    const notApplicable =
      status === 401 && refreshes
        ? `${vendorName} asks for a credential refresh after a 401 (judged by auth.refresh_once)`
        : documented(status)
          ? null
          : `${vendorName} documents no ${status}`;
    return {
      id: `no_retry.${status}`,
      title: `Does not repeat a call answered ${status}`,
      notApplicable,
      sequences: [sequence],
      reading: 'documented',
      judge(run) {
        const repeats = apiCalls(run(sequence)).length - 1;
        return repeats === 0
          ? obeyed('made one call and stopped')
          : violated(`repeated it ${times(repeats)}`);
      },
    };
  });
}

function refreshRule(policy: VendorPolicy, vendorName: string): Rule {
  const sequence = 'unauthorized_then_refresh';
  return {
    id: 'auth.refresh_once',
    title: 'After a 401, fetches fresh credentials once and repeats the call once',
    notApplicable:
      (policy.authentication.refreshOn401 ?? 0) > 0 ? null : `${vendorName} documents no credential refresh`,
    sequences: [sequence],
    reading: 'documented',
    judge(run) {
      const observed = run(sequence);
      const [failed, next, ...rest] = apiCalls(observed);
      if (!failed) return violated('made no call');
      if (!next) return violated('gave up after the 401 without refreshing its credentials');
      if (!refreshedBetween(observed, failed, next))
        return violated('repeated the call with the same credentials, without refreshing them');
      if (rest.length > 0) return violated(`repeated the call ${times(rest.length + 1)}`);
      return obeyed('refreshed its credentials and repeated the call once');
    },
  };
}

function keyOf(call: ObservedRequest, header: string | undefined): string | undefined {
  return header === undefined ? undefined : call.headers[header.toLowerCase()];
}

function writeRules(policy: VendorPolicy, vendorName: string, writeMethod: string): Rule[] {
  const rules = policy.idempotency;
  const honoured = rules.supported && (rules.methods ?? []).includes(writeMethod as HttpMethod);
  const header = rules.header;
  // RFC 9110 makes PUT and DELETE idempotent: repeating one where the vendor honours no key is
  // the project's caution, not the docs' rule, so it is advice; a repeated POST stays a violation.
  const idempotentByHttp = writeMethod === 'PUT' || writeMethod === 'DELETE';
  const timedOut: Rule = {
    id: 'write.timed_out',
    title: honoured
      ? `Repeats a timed-out ${writeMethod} only with the same ${header}`
      : `Does not repeat a timed-out ${writeMethod}, since ${vendorName} honours no idempotency key`,
    notApplicable: null,
    sequences: ['timed_out_write'],
    reading: idempotentByHttp && !honoured ? 'inferred' : 'documented',
    judge(run) {
      const calls = apiCalls(run('timed_out_write'));
      if (!honoured) {
        return calls.length <= 1
          ? obeyed('sent the write once and left the outcome to the caller')
          : departed(
              idempotentByHttp ? 'inferred' : 'documented',
              `repeated a write that may already have been applied, ${times(calls.length - 1)}`,
            );
      }
      const keys = calls.map((call) => keyOf(call, header));
      // Leaving a timed-out write alone is always safe; only an unsafe repeat breaks the rule.
      if (calls.length < 2) return obeyed('did not repeat the write, leaving the outcome to the caller');
      if (keys.some((key) => key === undefined || key === ''))
        return violated(`repeated the write without ${header}`);
      if (new Set(keys).size > 1) return violated(`repeated the write with a different ${header}`);
      return obeyed(`repeated the write ${times(calls.length - 1)} with the same ${header}`);
    },
  };
  const mismatch = rules.mismatch;
  const freshKey: Rule = {
    id: 'idempotency.fresh_key',
    title: `After ${mismatch?.code ?? 'a key mismatch'}, never repeats the write with the refused ${header ?? 'key'}`,
    notApplicable:
      mismatch === undefined || !honoured ? `${vendorName} documents no key mismatch answer` : null,
    sequences: ['key_mismatch'],
    reading: 'documented',
    judge(run) {
      const [first, second] = apiCalls(run('key_mismatch'));
      const refused = first ? keyOf(first, header) : undefined;
      // A write sent without a key meets no mismatch on a real server; there is nothing to judge.
      if (!first || refused === undefined) {
        return {
          outcome: 'not_applicable',
          reason: `the client sent its write without ${header}, so no key could be refused`,
        };
      }
      if (!second) return obeyed(`stopped after ${mismatch?.code}, without reusing the refused ${header}`);
      return keyOf(second, header) === refused
        ? violated(`repeated the write with the refused ${header}`)
        : obeyed(`repeated the write with a new ${header}`);
    },
  };
  return [timedOut, freshKey];
}

/** Every rule for one vendor, in the order reports list them. */
export function rulesFor(vendorId: VendorId, options: { maxWaitMs: number; writeMethod: string }): Rule[] {
  const { policy, name } = getVendor(vendorId);
  return [
    ...rateLimitRules(policy, name, options.maxWaitMs),
    ...retryRules(policy, name),
    ...finalStatusRules(policy, name, vendorId),
    refreshRule(policy, name),
    ...writeRules(policy, name, options.writeMethod),
  ];
}
