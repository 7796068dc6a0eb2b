import type { IncomingMessage } from 'node:http';
import { type Answer, isAnswer, withHeaders, withoutHeader, withoutJsonMember } from '../kit/answer.js';
import { parseJson, readBody } from '../kit/body.js';
import { bugSwitch } from '../kit/bugs.js';
import { answerFirstRequest, createIdempotencyStore, requestFingerprint } from '../kit/idempotency.js';
import { freshUlid } from '../kit/ids.js';
import { createRateLimiter } from '../kit/rate-limit.js';
import { bearerToken, headerValue, requestLine } from '../kit/request.js';
import { matchRoute } from '../kit/router.js';
import { answerEachRequest } from '../kit/serve.js';
import type { DialectContext, DialectVendor } from '../types.js';
import { errorAnswer } from './answers.js';
import { bugs } from './bugs.js';
import { describeForesight } from './directory.js';
import { FORESIGHT_ROUTES } from './routes.js';
import { seedForesight } from './seed.js';
import {
  type ForesightKey,
  HOLD_CAP_MS,
  IDEMPOTENCY_WINDOW_MS,
  MAX_JSON_BYTES,
  RATE_LIMIT,
} from './state.js';

const KEY_FORMAT = /^fs_(test|live)_[0-9a-f]{32}$/;

/** Foresight: scoped, expiring, organization-bound keys in front of claims and eligibility checks. */
export function createVendor(context: DialectContext): DialectVendor {
  const seed = seedForesight(context.now());
  const bug = bugSwitch(context.bugs, bugs);
  const limiter = createRateLimiter({ ...RATE_LIMIT, now: context.now });
  const replays = createIdempotencyStore({ windowMs: IDEMPOTENCY_WINDOW_MS, now: context.now });

  function authenticate(req: IncomingMessage, requestId: string): ForesightKey | Answer {
    // An Authorization header that is not a bearer key is present, so it is an invalid key, not a missing one.
    const value = headerValue(req, 'x-api-key') ?? bearerToken(req) ?? headerValue(req, 'authorization');
    if (value === undefined || value === '') {
      return errorAnswer(requestId, { code: 'missing_api_key', message: 'Send your key in X-API-Key.' });
    }
    const key = KEY_FORMAT.test(value)
      ? seed.state.keys.find((candidate) => candidate.value === value)
      : undefined;
    if (key === undefined || key.revoked) {
      return errorAnswer(requestId, { code: 'invalid_api_key', message: 'The API key is not valid.' });
    }
    if (context.now() >= key.expiresAtMs) {
      const code = bug('foresight.expired-key-invalid') ? 'invalid_api_key' : 'expired_api_key';
      return errorAnswer(requestId, { code, message: 'The API key has expired.' });
    }
    return key;
  }

  function rateLimited(requestId: string, retryAfterSeconds: number): Answer {
    let answer = errorAnswer(
      requestId,
      {
        code: 'rate_limit_exceeded',
        message: `At most ${RATE_LIMIT.limit} requests per 10 seconds per key.`,
      },
      { 'retry-after': String(retryAfterSeconds) },
    );
    if (bug('foresight.rate-limit-no-retry-after')) answer = withoutHeader(answer, 'retry-after');
    if (bug('foresight.rate-limit-no-request-id')) answer = withoutJsonMember(answer, ['error', 'requestId']);
    return answer;
  }

  async function decide(req: IncomingMessage): Promise<Answer> {
    const requestId = `req_${freshUlid()}`;
    const line = requestLine(req);
    const match = matchRoute(FORESIGHT_ROUTES, line.method, line.pathname);
    if (match.kind !== 'found') {
      return errorAnswer(requestId, {
        code: 'resource_not_found',
        message: `No route ${line.method} ${line.pathname}.`,
      });
    }
    const key = authenticate(req, requestId);
    if (isAnswer(key)) return key;
    const quota = limiter.take(key.value);
    if (!quota.allowed) return rateLimited(requestId, quota.retryAfterSeconds);
    if (!key.scopes.has(match.handler.scope)) {
      const refusal = errorAnswer(requestId, {
        code: 'forbidden_scope',
        message: `This endpoint needs the ${match.handler.scope} scope.`,
      });
      return bug('foresight.forbidden-scope-unauthorized') ? { ...refusal, status: 401 } : refusal;
    }
    let raw: Buffer = Buffer.alloc(0);
    let body: unknown;
    if (match.handler.readsBody) {
      const read = await readBody(req, MAX_JSON_BYTES);
      if (read.kind !== 'complete') {
        return errorAnswer(requestId, {
          code: 'field_value_too_long',
          message: 'The body is over 64 KiB.',
          param: 'body',
        });
      }
      const json = parseJson(read.bytes);
      if (json.kind !== 'json') {
        return errorAnswer(requestId, {
          code: 'invalid_field_type',
          message: 'The body is not JSON.',
          param: 'body',
        });
      }
      raw = read.bytes;
      body = json.value;
    }
    const run = (hold: () => Promise<void>): Promise<Answer> =>
      Promise.resolve(
        match.handler.run({ key, params: match.params, body, requestId, state: seed.state, bug, hold }),
      );
    const idempotencyKey = line.method === 'POST' ? headerValue(req, 'idempotency-key') : undefined;
    if (idempotencyKey === undefined) return run(() => Promise.resolve());
    const lookup = replays.begin(
      key.value,
      idempotencyKey,
      requestFingerprint(line.method, line.pathname, raw),
    );
    switch (lookup.kind) {
      case 'replay':
        return withHeaders(lookup.answer, { 'idempotent-replayed': 'true' });
      case 'mismatch':
        if (lookup.original !== undefined && bug('foresight.mismatched-body-replayed')) {
          return withHeaders(lookup.original, { 'idempotent-replayed': 'true' });
        }
        return errorAnswer(requestId, {
          code: 'idempotency_key_mismatched_body',
          message: 'This Idempotency-Key was used with a different body.',
        });
      case 'inFlight':
        if (bug('foresight.in-flight-key-processed')) return run(() => Promise.resolve());
        return errorAnswer(requestId, {
          code: 'idempotency_key_in_use',
          message: 'A request with this Idempotency-Key is still being processed.',
        });
      case 'fresh':
        return answerFirstRequest(lookup, () =>
          run(() => replays.contended(key.value, idempotencyKey, HOLD_CAP_MS)),
        );
    }
  }

  return {
    handler: answerEachRequest(decide, () =>
      errorAnswer(`req_${freshUlid()}`, { code: 'internal_error', message: 'Unexpected server error.' }),
    ),
    describe: (baseUrl) => describeForesight(baseUrl, seed),
  };
}
