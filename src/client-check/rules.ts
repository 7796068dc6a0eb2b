import type { ClientRuleBasis, HttpMethod, VendorPolicy } from '../generated/meta-types.js';
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
import {
  FINAL_STATUSES,
  FOLLOWED_MARK,
  LONG_WAIT_SECONDS,
  REDIRECT_STATUS,
  SERVER_WAIT_SECONDS,
  type SequenceId,
} from './sequences.js';
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
   * The doc line the rule rests on (the policy's `clientRules`), or null where it rests on a
   * reading of the project: then no departure from it can be a violation, only advice.
   */
  quote: string | null;
  /** `documented` exactly when the rule has a quote. */
  reading: 'documented' | 'inferred';
  /** The allowed range of a wait in one of this rule's sequences, for the timeline. */
  windowFor?: (sequence: SequenceId, retryNumber: number) => WaitWindow | undefined;
  judge(run: (id: SequenceId) => SequenceRun): Judgement;
}

const obeyed = (reason: string): Judgement => ({ outcome: 'obeyed', reason });
const advice = (reason: string): Judgement => ({
  outcome: 'advice',
  reason: `${reason} (an inferred reading, not a documented rule)`,
});
/**
 * A departure from a rule: a violation, citing the doc line, only where the rule has one; advice
 * where it rests on a reading.
 */
const departed = (basis: ClientRuleBasis | undefined, reason: string): Judgement =>
  basis ? { outcome: 'violated', reason: `${reason}; the docs: "${basis.quote}"` } : advice(reason);
/** The doc line a rule rests on for one vendor, if its policy quotes one. */
const basisOf = (policy: VendorPolicy, id: string): ClientRuleBasis | undefined => policy.clientRules?.[id];
const provenance = (basis: ClientRuleBasis | undefined) =>
  basis
    ? { quote: basis.quote, reading: 'documented' as const }
    : { quote: null, reading: 'inferred' as const };
const range = describeWindow;
const times = (count: number) => (count === 1 ? 'once' : `${count} times`);
const calls = (count: number) => plural(count, 'call');

/**
 * The first wait of a 429 sequence, judged against the window the server's header implies. Too
 * soon breaks the rule's doc line; too long is advice (no vendor documents a ceiling on waiting),
 * and where the header's unit is a reading, waiting it plus the first backoff step is obeyed.
 */
function serverWaitRule(
  id: string,
  title: string,
  sequence: SequenceId,
  policy: VendorPolicy,
  notApplicable: string | null,
  header: string,
  unitInferred = false,
): Rule {
  const basis = basisOf(policy, id);
  const server = serverWaitWindow(policy.retry, SERVER_WAIT_SECONDS * 1000);
  const window = unitInferred
    ? { min: server.min, max: server.max + scheduledWindowMs(policy.retry, 1).max }
    : server;
  return {
    id,
    title,
    notApplicable,
    sequences: [sequence],
    ...provenance(basis),
    windowFor: (_sequence, retry) => (retry === 1 ? window : undefined),
    judge(run) {
      const [wait] = waitsOf(run(sequence));
      if (wait === undefined) return departed(basis, `did not repeat the call after the 429 with ${header}`);
      if (within(wait, window)) return obeyed(`waited ${formatDuration(wait)} (allowed ${range(window)})`);
      const problem = (direction: string) =>
        `waited ${formatDuration(wait)} after ${header}, ${direction}: allowed ${range(window)}`;
      return wait < window.min ? departed(basis, problem('too soon')) : advice(problem('longer than needed'));
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
      reset?.source === 'inferred',
    ),
    {
      id: 'wait.ceiling',
      title: `Does not sleep longer than ${maxWaitMs / 1000} s before a retry, even when the server asks for more (no vendor documents a ceiling)`,
      notApplicable: noServerWait,
      sequences: ['long_server_wait'],
      ...provenance(basisOf(policy, 'wait.ceiling')),
      judge(run) {
        const basis = basisOf(policy, 'wait.ceiling');
        const long = run('long_server_wait');
        const [wait] = waitsOf(long);
        if (long.end.kind === 'abandoned')
          return departed(
            basis,
            `was still waiting to retry after the server asked for ${LONG_WAIT_SECONDS} s`,
          );
        if (wait === undefined)
          return obeyed(`stopped instead of waiting the ${LONG_WAIT_SECONDS} s asked for`);
        if (wait > maxWaitMs) return departed(basis, `slept ${formatDuration(wait)} before retrying`);
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
  const schedule = basisOf(policy, 'backoff.schedule');
  const jitterBasis = basisOf(policy, 'backoff.jitter');
  const limitBasis = basisOf(policy, 'attempts.limit');
  // Where the growth factor is a reading, only the documented start bounds the later waits below.
  const inferredGrowth = retry.delays.kind === 'exponential' && retry.delays.factorSource === 'inferred';
  const documentedFloor = (retryNumber: number, allowed: WaitWindow) =>
    retryNumber > 1 && inferredGrowth && retry.delays.kind === 'exponential'
      ? retry.delays.initialMs
      : allowed.min;
  const upperDocumented = schedule !== undefined && jitter?.source === 'documented';
  const jittered =
    jitter !== null &&
    jitter.max > jitter.min &&
    (retry.delays.kind === 'exponential' || retry.delays.steps.some((step) => step.jitter));
  return [
    {
      id: 'backoff.schedule',
      title: `Backs off between 5xx retries within the schedule (${[1, 2, 3]
        .map((n) => range(scheduledWindowMs(retry, n)))
        .join(', ')}, …)`,
      notApplicable: null,
      sequences: ['transient_then_success', 'server_errors_until_limit'],
      ...provenance(schedule),
      windowFor: window,
      judge(run) {
        // Only what the doc line fixes can be violated: the waits it states (the first one alone
        // where the growth factor is a reading), and retrying at all. Longer waits break it only
        // where a jitter range is documented too (a client may add jitter the docs do not give).
        const violations: string[] = [];
        const readings: string[] = [];
        for (const id of ['transient_then_success', 'server_errors_until_limit'] as const) {
          const waits = waitsOf(run(id));
          if (waits.length === 0)
            (schedule ? violations : readings).push(`never retried in "${run(id).plan.title}"`);
          waits.forEach((wait, index) => {
            const allowed = scheduledWindowMs(retry, index + 1);
            if (within(wait, allowed)) return;
            const problem = `wait ${index + 1} was ${formatDuration(wait)}, allowed ${range(allowed)}`;
            const breaksLine =
              schedule !== undefined &&
              (wait < allowed.min ? wait < documentedFloor(index + 1, allowed) : upperDocumented);
            (breaksLine ? violations : readings).push(problem);
          });
        }
        if (violations.length > 0) return departed(schedule, [...new Set(violations)].join('; '));
        return readings.length === 0
          ? obeyed('every wait fell inside its window')
          : advice([...new Set(readings)].join('; '));
      },
    },
    {
      id: 'backoff.jitter',
      title: `Adds random jitter (${jitter ? `${jitter.min} to ${jitter.max} ms` : 'none'}) to its backoff`,
      notApplicable: jittered ? null : `${vendorName}'s schedule has no jitter`,
      sequences: ['server_errors_until_limit', 'server_errors_reseeded'],
      ...provenance(jitterBasis),
      windowFor: window,
      judge(run) {
        const first = waitsOf(run('server_errors_until_limit'));
        const second = waitsOf(run('server_errors_reseeded'));
        // A client that never retries adds no jitter to nothing: backoff.schedule judges that.
        if (first.length === 0)
          return { outcome: 'not_applicable', reason: 'never retried, so there was no wait to vary' };
        const same = first.length === second.length && first.every((wait, index) => wait === second[index]);
        return same
          ? departed(
              jitterBasis,
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
      ...provenance(limitBasis),
      windowFor: window,
      judge(run) {
        // The docs set a ceiling ("give up after", "do not retry indefinitely"), not a quota:
        // stopping sooner is allowed, and a client that never retries is judged by backoff.schedule.
        const made = apiCalls(run('server_errors_until_limit')).length;
        if (made > limit) return departed(limitBasis, `made ${calls(made)}; the vendor's limit is ${limit}`);
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
    const id = `no_retry.${status}`;
    const basis = basisOf(policy, id);
    const allowed = basis?.repeatsAllowed ?? 0;
    const notApplicable =
      status === 401 && refreshes
        ? `${vendorName} asks for a credential refresh after a 401 (judged by auth.refresh_once)`
        : documented(status)
          ? null
          : `${vendorName} documents no ${status}`;
    return {
      id,
      title:
        allowed === 0
          ? `Does not repeat a call answered ${status}`
          : `Does not keep repeating a call answered ${status} (${times(allowed)} is allowed)`,
      notApplicable,
      sequences: [sequence],
      ...provenance(basis),
      judge(run) {
        const repeats = apiCalls(run(sequence)).length - 1;
        if (repeats === 0) return obeyed('made one call and stopped');
        if (repeats <= allowed)
          return obeyed(`repeated it ${times(repeats)}, which the docs allow: "${basis?.quote}"`);
        return departed(basis, `repeated it ${times(repeats)}`);
      },
    };
  });
}

function refreshRule(policy: VendorPolicy, vendorName: string): Rule {
  const sequence = 'unauthorized_then_refresh';
  const basis = basisOf(policy, 'auth.refresh_once');
  return {
    id: 'auth.refresh_once',
    title: 'After a 401, repeats the call only with fresh credentials, and once (surfacing the 401 is fine)',
    notApplicable:
      (policy.authentication.refreshOn401 ?? 0) > 0 ? null : `${vendorName} documents no credential refresh`,
    sequences: [sequence],
    ...provenance(basis),
    judge(run) {
      const observed = run(sequence);
      const [failed, next, ...rest] = apiCalls(observed);
      if (!failed) return departed(basis, 'made no call');
      // The docs ask for new credentials before a repeat, not for a repeat: handing the 401 to the
      // caller (who signs in again) follows them too.
      if (!next) return obeyed('surfaced the 401 without repeating the call');
      if (!refreshedBetween(observed, failed, next))
        return departed(basis, 'repeated the call with the same credentials, without refreshing them');
      if (rest.length > 0) return advice(`refreshed and repeated the call ${times(rest.length + 1)}`);
      return obeyed('refreshed its credentials and repeated the call once');
    },
  };
}

/**
 * Where the docs say a redirect is to be followed: following it obeys; sending the original request
 * again instead breaks the line; surfacing the redirect is advice, since a client that will not
 * carry credentials to a hop it has not vetted (the next one could be another origin) is safe.
 */
function redirectRule(policy: VendorPolicy, vendorName: string): Rule {
  const basis = basisOf(policy, 'redirect.follow');
  return {
    id: 'redirect.follow',
    title: `Follows a ${REDIRECT_STATUS} redirect`,
    notApplicable: basis ? null : `${vendorName} documents no redirect to follow`,
    sequences: ['redirect'],
    ...provenance(basis),
    judge(run) {
      const [, next] = apiCalls(run('redirect'));
      if (!next) return advice('surfaced the redirect instead of following it');
      return next.target.includes(FOLLOWED_MARK)
        ? obeyed('followed the redirect')
        : departed(basis, 'sent the original request again instead of following the redirect');
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
  const timedOutBasis = basisOf(policy, 'write.timed_out');
  // Where the docs say nothing about repeating writes, repeating one is against the project's
  // caution only (and RFC 9110 makes PUT and DELETE idempotent): advice, by having no doc line.
  const timedOut: Rule = {
    id: 'write.timed_out',
    title: honoured
      ? `Repeats a timed-out ${writeMethod} only with the same ${header}`
      : `Does not repeat a timed-out ${writeMethod}, since ${vendorName} honours no idempotency key`,
    notApplicable: null,
    sequences: ['timed_out_write'],
    ...provenance(timedOutBasis),
    judge(run) {
      const calls = apiCalls(run('timed_out_write'));
      if (!honoured) {
        return calls.length <= 1
          ? obeyed('sent the write once and left the outcome to the caller')
          : departed(
              timedOutBasis,
              `repeated a write that may already have been applied, ${times(calls.length - 1)}`,
            );
      }
      const keys = calls.map((call) => keyOf(call, header));
      // Leaving a timed-out write alone is always safe; only an unsafe repeat breaks the rule.
      if (calls.length < 2) return obeyed('did not repeat the write, leaving the outcome to the caller');
      if (keys.some((key) => key === undefined || key === ''))
        return departed(timedOutBasis, `repeated the write without ${header}`);
      if (new Set(keys).size > 1)
        return departed(timedOutBasis, `repeated the write with a different ${header}`);
      return obeyed(`repeated the write ${times(calls.length - 1)} with the same ${header}`);
    },
  };
  const mismatch = rules.mismatch;
  const keyBasis = basisOf(policy, 'idempotency.fresh_key');
  const freshKey: Rule = {
    id: 'idempotency.fresh_key',
    title: `After ${mismatch?.code ?? 'a key mismatch'}, never repeats the write with the refused ${header ?? 'key'}${
      mismatch?.resendOriginalAllowed ? ' and another body' : ''
    }`,
    // Where neither the answer nor a line about it is documented, the answer is only the project's
    // reading of another code (Denialbase's 409 conflict, whose own line says "refetch and retry"):
    // what a client does after it is that code's business, not a key rule's.
    notApplicable:
      mismatch === undefined || !honoured
        ? `${vendorName} documents no key mismatch answer`
        : mismatch.source === 'inferred' && keyBasis === undefined
          ? `${vendorName} documents no answer to a reused key (${mismatch.code} is the project's reading), so no line says what a client must do after it`
          : null,
    sequences: ['key_mismatch'],
    ...provenance(keyBasis),
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
      if (keyOf(second, header) !== refused) return obeyed(`repeated the write with a new ${header}`);
      if (mismatch?.resendOriginalAllowed && second.body === first.body)
        return obeyed(`sent the refused ${header} again with the exact original body, as the docs allow`);
      return departed(keyBasis, `repeated the write with the refused ${header}`);
    },
  };
  return [timedOut, freshKey];
}

/**
 * A rule with no doc line cannot say VIOLATED, whatever its judge returns: the guarantee that only
 * a quoted line can fail a client holds by construction, not by each judge's care.
 */
function boundedByItsQuote(rule: Rule): Rule {
  if (rule.quote !== null) return rule;
  return {
    ...rule,
    judge(run) {
      const judgement = rule.judge(run);
      return judgement.outcome === 'violated' ? advice(judgement.reason) : judgement;
    },
  };
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
    redirectRule(policy, name),
  ].map(boundedByItsQuote);
}
