import { normalizeError } from '../../normalize/normalize-error.js';
import type { SequenceDefinition } from './definition.js';
import { isSuccess, outgoing, roleHeaders } from './requests.js';

/** Requests sent at most to use up the rate-limited role's window; its limit is far lower. */
const MAX_REQUESTS = 50;
/**
 * Rate-limit headers count whole seconds, so the advertised wait overstates the true one by less
 * than a second: waiting one second less must still be refused, waiting all of it must not be.
 */
const HEADER_RESOLUTION_MS = 1000;

/**
 * The rate-limited role reads until refused; the wait the 429 advertises (Retry-After or the
 * reset header, read by the package's normalizer) is then let pass on the target's clock, in two
 * steps: one second short of it the read is still refused, at it the read goes through.
 */
export const rateLimitWait: SequenceDefinition = {
  name: 'rate_limit_wait',
  path: 'rate_limit',
  title: 'After a 429, waiting the advertised time makes the next request succeed, and waiting less does not',
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
    const auth = await roleHeaders(recorder, 'rateLimited', policy.authentication.header);
    if (!read || !auth) return;
    if (limit.code) recorder.code = limit.code;
    const status = limit.status ?? 429;
    const send = () => recorder.send(outgoing(recorder.baseUrl, read, auth));

    let refused: Awaited<ReturnType<typeof send>> | undefined;
    for (let sent = 0; sent < MAX_REQUESTS && !refused; sent++) {
      const answer = await send();
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
    if (!refused) return recorder.fail(`No ${status} came within ${MAX_REQUESTS} requests.`, status, null);
    const normalized = normalizeError(vendorId, refused, { now: () => recorder.target.now() });
    if (limit.code)
      recorder.expect(
        normalized.code === limit.code,
        'The 429 names another code.',
        limit.code,
        normalized.code,
      );
    const advertised = normalized.retryAfterMs;
    if (advertised === null)
      return recorder.fail('The 429 advertises no wait.', 'Retry-After or a reset header', null);
    const source = normalized.retryAfterSource ?? 'the advertised wait';

    const early = Math.max(0, advertised - HEADER_RESOLUTION_MS);
    await recorder.wait(early, `${source}, less one second`);
    const tooSoon = await send();
    recorder.expect(
      tooSoon.status === status,
      'The limit lifted before the advertised time.',
      status,
      tooSoon.status,
    );
    await recorder.wait(advertised - early, `the rest of ${source}`);
    const after = await send();
    recorder.expect(
      isSuccess(after.status),
      'The read after the advertised wait did not succeed.',
      '2xx',
      after.status,
    );
  },
};
