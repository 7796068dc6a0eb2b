import type { IncomingMessage } from 'node:http';
import { type Answer, isAnswer, withHeaders, withoutHeader, withoutJsonMember } from '../kit/answer.js';
import { parseJson, readBody } from '../kit/body.js';
import { bugSwitch } from '../kit/bugs.js';
import { freshSecret } from '../kit/ids.js';
import { createRateLimiter } from '../kit/rate-limit.js';
import { headerValue, requestLine } from '../kit/request.js';
import { matchRoute } from '../kit/router.js';
import { answerEachRequest } from '../kit/serve.js';
import type { DialectContext, DialectVendor } from '../types.js';
import { errorAnswer, type RequestMeta, validationError } from './answers.js';
import { bugs } from './bugs.js';
import { describeCaseXchange } from './directory.js';
import { CASEXCHANGE_ROUTES, type CaseXchangeHandler } from './routes.js';
import { seedCaseXchange } from './seed.js';
import { type ApiKey, MAX_CSV_BYTES, MAX_JSON_BYTES, RATE_LIMIT } from './state.js';

/** CaseXchange: firm-scoped API keys with tiers in front of cases, contacts and referrals. */
export function createVendor(context: DialectContext): DialectVendor {
  const seed = seedCaseXchange();
  const bug = bugSwitch(context.bugs, bugs);
  const limiter = createRateLimiter({ ...RATE_LIMIT, now: context.now });

  function rejectKey(req: IncomingMessage, meta: RequestMeta): Answer | ApiKey {
    const value = headerValue(req, 'x-api-key');
    if (value === undefined || value === '') {
      return bug('casexchange.missing-key-forbidden')
        ? errorAnswer(meta, 'permission_denied', 'Access to this resource is not permitted')
        : errorAnswer(meta, 'invalid_api_key', 'API key is missing');
    }
    const key = seed.state.keys.find((candidate) => candidate.value === value);
    if (key === undefined) return errorAnswer(meta, 'invalid_api_key', 'API key is invalid');
    if (key.revoked && !bug('casexchange.revoked-key-accepted')) {
      return errorAnswer(meta, 'invalid_api_key', 'API key has been revoked');
    }
    return key;
  }

  function rateLimited(meta: RequestMeta, resetAtMs: number): Answer {
    const reset = String(Math.ceil(resetAtMs / 1000));
    let answer = errorAnswer(meta, 'rate_limited', 'Rate limit exceeded for this API key', undefined);
    answer = withHeaders(answer, {
      'x-ratelimit-limit': String(RATE_LIMIT.limit),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': reset,
    });
    if (bug('casexchange.rate-limit-no-reset')) answer = withoutHeader(answer, 'x-ratelimit-reset');
    if (bug('casexchange.rate-limit-no-request-id'))
      answer = withoutJsonMember(answer, ['meta', 'requestId']);
    return answer;
  }

  async function readFor(
    req: IncomingMessage,
    handler: CaseXchangeHandler,
    meta: RequestMeta,
  ): Promise<{ body: unknown } | Answer> {
    if (handler.reads === 'none') return { body: undefined };
    const type = headerValue(req, 'content-type') ?? '';
    const wanted = handler.reads === 'json' ? 'application/json' : 'text/csv';
    if (!type.toLowerCase().startsWith(wanted)) {
      return validationError(meta, [{ field: 'Content-Type', issue: `must be ${wanted}` }]);
    }
    const read = await readBody(req, handler.reads === 'json' ? MAX_JSON_BYTES : MAX_CSV_BYTES);
    if (read.kind !== 'complete') return validationError(meta, [{ field: 'body', issue: 'is too large' }]);
    if (handler.reads === 'csv') return { body: read.bytes.toString('utf8') };
    const json = parseJson(read.bytes);
    return json.kind === 'json'
      ? { body: json.value }
      : validationError(meta, [{ field: 'body', issue: 'is not JSON' }]);
  }

  async function decide(req: IncomingMessage): Promise<Answer> {
    const meta: RequestMeta = { requestId: freshSecret('req_', 12), nowMs: context.now() };
    const line = requestLine(req);
    const match = matchRoute(CASEXCHANGE_ROUTES, line.method, line.pathname);
    if (match.kind !== 'found') return errorAnswer(meta, 'resource_not_found', 'No such endpoint');
    const key = rejectKey(req, meta);
    if (isAnswer(key)) return key;
    const decision = limiter.take(key.value);
    if (!decision.allowed) return rateLimited(meta, decision.resetAtMs);
    const quota = {
      'x-ratelimit-limit': String(decision.limit),
      'x-ratelimit-remaining': String(decision.remaining),
      'x-ratelimit-reset': String(Math.ceil(decision.resetAtMs / 1000)),
    };
    if (match.handler.writes && key.tier === 'read_only') {
      const code = bug('casexchange.read-only-write-permission-denied')
        ? 'permission_denied'
        : 'insufficient_tier';
      return withHeaders(errorAnswer(meta, code, 'This API key tier cannot make changes'), quota);
    }
    const read = await readFor(req, match.handler, meta);
    if (isAnswer(read)) return withHeaders(read, quota);
    const answer = match.handler.run({
      key,
      params: match.params,
      body: read.body,
      meta,
      state: seed.state,
      bug,
    });
    return withHeaders(answer, quota);
  }

  return {
    handler: answerEachRequest(decide, () =>
      errorAnswer(
        { requestId: freshSecret('req_', 12), nowMs: context.now() },
        'internal_error',
        'Unexpected server error',
      ),
    ),
    describe: (baseUrl) => describeCaseXchange(baseUrl, seed),
  };
}
