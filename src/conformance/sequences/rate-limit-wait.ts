import type { RateLimitPolicy } from '../../generated/meta-types.js';
import { rateLimitStatusOf } from '../../http-status.js';
import { normalizeError } from '../../normalize/normalize-error.js';
import type { Problem } from '../../normalize/types.js';
import { readWaitHints } from '../../normalize/wait-hints.js';
import { judge } from '../assertions.js';
import { DEFAULT_LIMITS } from '../types.js';
import type { SequenceDefinition } from './definition.js';
import { isSuccess, outgoing, roleHeaders } from './requests.js';

/**
 * The rate-limited role reads until refused; the 429 is judged like any documented error (a
 * sandbox run meets its rate-limit code nowhere else); the wait it advertises (Retry-After or the
 * reset header, read by the package's normalizer) is then let pass on the target's clock, and the
 * read must go through. Nothing is sent before the advertised time: the docs promise that waiting
 * it is enough, not that the limit holds until then (a token bucket may lift early), and a probe
 * could itself use up the request the wait earned.
 */
export const rateLimitWait: SequenceDefinition = {
  name: 'rate_limit_wait',
  uses: ['read'],
  path: 'rate_limit',
  title: 'After a 429, waiting the advertised time makes the next request succeed',
  notApplicable: ({ policy }) =>
    policy.rateLimit.documented ? undefined : (policy.rateLimit.note ?? 'No rate limit is documented.'),
  cannotRun: ({ behaviour, vendorId }, target) => {
    if (!behaviour) return 'The vendor’s simulator module names no read to rate-limit.';
    return target.credentials(vendorId).roles.rateLimited
      ? undefined
      : 'No rate-limited test credential is configured.';
  },
  async run({ vendorId, policy, behaviour }, recorder) {
    const limit = policy.rateLimit;
    const read = behaviour?.read;
    const auth = await roleHeaders(recorder, 'rateLimited', policy.authentication);
    if (!read || !auth) return;
    if (limit.code) recorder.code = limit.code;
    const status = rateLimitStatusOf(limit);
    const send = () => recorder.send(outgoing(recorder.baseUrl, read, auth));

    const limits = recorder.target.limits ?? DEFAULT_LIMITS;
    // The burst stops at the first 429 and never exceeds the run's bound; where the API says how
    // many requests are left (X-RateLimit-Remaining, the RateLimit field), it is sized to that.
    let budget = limits.maxBurst;
    let refused: Awaited<ReturnType<typeof send>> | undefined;
    for (let sent = 0; sent < budget && !refused; sent++) {
      const answer = await send();
      const remaining = remainingOf(answer.headers, limit, recorder.target.now());
      if (remaining !== null) budget = Math.min(limits.maxBurst, sent + 1 + remaining + 1);
      if (answer.status === status) refused = answer;
      else if (
        !recorder.expect(
          isSuccess(answer.status),
          'A read failed before the limit was reached.',
          '2xx',
          answer.status,
        )
      )
        return;
    }
    if (!refused) {
      // No vendor documents X-RateLimit-Remaining: it may size the burst, but a limit that does not
      // come when it says is a difference from an undocumented header, never a broken promise.
      if (budget < limits.maxBurst)
        return recorder.drift(
          `No ${status} came although the API said its requests were used up (a header no vendor documents).`,
          status,
          `no ${status} within ${budget} requests`,
        );
      return recorder.notVerified(
        `no ${status} within ${budget} request${budget === 1 ? '' : 's'}, the burst bound (raise it with --max-burst if the sandbox allows).`,
      );
    }
    // The 429 is an error answer like any other: its envelope, code, request id and the header the
    // catalog gives it (Retry-After, X-RateLimit-Reset) are judged as code.<code> would judge them.
    if (limit.code) {
      const { failures, drift } = judge(vendorId, { code: limit.code, scenario: {} }, refused);
      for (const failure of failures)
        recorder.fail(`The ${status}: ${failure.message}`, failure.expected, failure.actual);
      for (const note of drift) recorder.drift(`The ${status}: ${note.message}`, note.expected, note.actual);
    }
    const normalized = normalizeError(vendorId, refused, { now: () => recorder.target.now() });
    const advertised = normalized.retryAfterMs;
    if (advertised === null)
      return recorder.fail('The 429 advertises no wait.', 'Retry-After or a reset header', 'neither header');
    const source = normalized.retryAfterSource ?? 'the advertised wait';
    if (advertised > limits.maxWaitMs) {
      return recorder.notVerified(
        `the 429 asks for ${Math.ceil(advertised / 1000)} s (${source}), above the ${Math.round(limits.maxWaitMs / 1000)} s ceiling (--max-wait).`,
      );
    }

    await recorder.wait(advertised, source);
    const after = await send();
    recorder.expect(
      isSuccess(after.status),
      'The read after the advertised wait did not succeed.',
      '2xx',
      after.status,
    );
  },
};

/** Requests the API says are left in the window, from any answer; null when it does not say. */
function remainingOf(headers: Record<string, string>, policy: RateLimitPolicy, nowMs: number): number | null {
  const problems: Problem[] = [];
  const lowerCased = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return readWaitHints(lowerCased, policy, 200, nowMs, problems).rateLimit.remaining;
}
