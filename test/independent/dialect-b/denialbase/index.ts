import type { IncomingMessage } from 'node:http';
import { type Answer, emptyAnswer, withHeaders, withoutHeader, withoutJsonMember } from '../kit/answer.js';
import { type BodyResult, parseJson, readBody } from '../kit/body.js';
import { bugSwitch } from '../kit/bugs.js';
import { answerFirstRequest, createIdempotencyStore, requestFingerprint } from '../kit/idempotency.js';
import { freshUlid, isUuid } from '../kit/ids.js';
import { createRateLimiter } from '../kit/rate-limit.js';
import { headerValue, requestLine } from '../kit/request.js';
import { matchRoute } from '../kit/router.js';
import { answerEachRequest } from '../kit/serve.js';
import type { DialectContext, DialectVendor } from '../types.js';
import { errorAnswer, validationFailed } from './answers.js';
import { bugs } from './bugs.js';
import { describeDenialbase } from './directory.js';
import { API, DENIALBASE_ROUTES, type DenialbaseHandler } from './routes.js';
import { seedDenialbase } from './seed.js';
import {
  completeSecondFactor,
  readSession,
  type SessionDeps,
  signIn,
  twoFactorRequired,
} from './sessions.js';
import { IDEMPOTENCY_WINDOW_MS, MAX_JSON_BYTES, MAX_UPLOAD_BYTES, RATE_LIMIT } from './state.js';

const SESSIONS_PATH = `${API}/sessions`;
const SECOND_FACTOR_PATH = `${API}/sessions/two_factor`;

type ReadRequest = { kind: 'read'; body: unknown; raw: Buffer } | { kind: 'refused'; answer: Answer };

/** Denialbase: cookie sessions from a nested sign-in, a second factor, denials and document uploads. */
export function createVendor(context: DialectContext): DialectVendor {
  const seed = seedDenialbase(context.now());
  const bug = bugSwitch(context.bugs, bugs);
  const deps: SessionDeps = { state: seed.state, now: context.now, bug };
  const limiter = createRateLimiter({ ...RATE_LIMIT, now: context.now });
  const replays = createIdempotencyStore({ windowMs: IDEMPOTENCY_WINDOW_MS, now: context.now });

  async function readJson(req: IncomingMessage, requestId: string): Promise<ReadRequest> {
    const type = (headerValue(req, 'content-type') ?? '').toLowerCase();
    if (!type.startsWith('application/json')) {
      return {
        kind: 'refused',
        answer: errorAnswer(requestId, 'bad_request', 'Send JSON (application/json).'),
      };
    }
    const read = await readBody(req, MAX_JSON_BYTES);
    const json = read.kind === 'complete' ? parseJson(read.bytes) : undefined;
    if (read.kind !== 'complete' || json?.kind !== 'json') {
      return {
        kind: 'refused',
        answer: errorAnswer(requestId, 'bad_request', 'The body is not valid JSON.'),
      };
    }
    return { kind: 'read', body: json.value, raw: read.bytes };
  }

  function tooLarge(requestId: string, read: BodyResult): Answer | undefined {
    if (read.kind !== 'tooLarge') return undefined;
    // No Connection: close: the rest of the body is drained and thrown away, so the client can still
    // read this answer instead of meeting a reset while it is writing.
    const answer = errorAnswer(requestId, 'file_too_large', 'Uploads are limited to 50 MB.');
    return bug('denialbase.file-too-large-unprocessable') ? { ...answer, status: 422 } : answer;
  }

  async function readFor(
    req: IncomingMessage,
    handler: DenialbaseHandler,
    requestId: string,
  ): Promise<ReadRequest> {
    if (handler.reads === 'json') return readJson(req, requestId);
    if (handler.reads === 'none') return { kind: 'read', body: undefined, raw: Buffer.alloc(0) };
    const read = await readBody(req, MAX_UPLOAD_BYTES);
    const refusal = tooLarge(requestId, read);
    if (refusal !== undefined) return { kind: 'refused', answer: refusal };
    if (read.kind !== 'complete')
      return { kind: 'refused', answer: errorAnswer(requestId, 'bad_request', 'Aborted.') };
    return { kind: 'read', body: undefined, raw: read.bytes };
  }

  /** Retry-After as an HTTP-date (the window's end), the other form HTTP allows besides seconds. */
  function rateLimited(requestId: string, resetAtMs: number): Answer {
    let answer = errorAnswer(requestId, 'rate_limited', 'Too many requests.', undefined, {
      'retry-after': new Date(Math.ceil(resetAtMs / 1000) * 1000).toUTCString(),
    });
    if (bug('denialbase.rate-limit-no-retry-after')) answer = withoutHeader(answer, 'retry-after');
    if (bug('denialbase.rate-limit-no-request-id'))
      answer = withoutJsonMember(answer, ['error', 'request_id']);
    return answer;
  }

  async function sessionRoutes(req: IncomingMessage, method: string, path: string, requestId: string) {
    if (path === SESSIONS_PATH && method === 'POST') {
      const read = await readJson(req, requestId);
      return read.kind === 'refused' ? read.answer : signIn(deps, requestId, read.body);
    }
    const reading = readSession(req, deps);
    if (reading.kind === 'none') return errorAnswer(requestId, 'not_authenticated', 'Sign in first.');
    if (path === SECOND_FACTOR_PATH && method === 'POST') {
      if (reading.kind === 'signedIn')
        return errorAnswer(requestId, 'conflict', 'This session is already complete.');
      const read = await readJson(req, requestId);
      if (read.kind === 'refused') return read.answer;
      return completeSecondFactor(deps, requestId, reading.session, reading.user, read.body);
    }
    if (path === SESSIONS_PATH && method === 'DELETE') {
      reading.session.signedOut = true;
      return emptyAnswer(204, { 'x-request-id': requestId });
    }
    return errorAnswer(requestId, 'not_found', 'No such endpoint.');
  }

  async function decide(req: IncomingMessage): Promise<Answer> {
    const requestId = `req_${freshUlid()}`;
    const line = requestLine(req);
    if (line.pathname === SESSIONS_PATH || line.pathname === SECOND_FACTOR_PATH) {
      return sessionRoutes(req, line.method, line.pathname, requestId);
    }
    const match = matchRoute(DENIALBASE_ROUTES, line.method, line.pathname);
    if (match.kind !== 'found') return errorAnswer(requestId, 'not_found', 'No such endpoint.');
    const reading = readSession(req, deps);
    if (reading.kind === 'none') return errorAnswer(requestId, 'not_authenticated', 'Sign in first.');
    if (reading.kind === 'awaitingSecondFactor') return twoFactorRequired(deps, requestId);
    const { user } = reading;
    const quota = limiter.take(String(user.id));
    if (!quota.allowed) return rateLimited(requestId, quota.resetAtMs);
    if (match.handler.writes && user.role !== 'analyst') {
      return errorAnswer(requestId, 'not_authorized', 'Your role may not change records.');
    }
    const idempotencyKey = match.handler.writes ? headerValue(req, 'idempotency-key') : undefined;
    if (idempotencyKey !== undefined && !isUuid(idempotencyKey)) {
      const details = [{ field: 'Idempotency-Key', message: 'must be a UUID' }];
      return validationFailed(requestId, details, bug('denialbase.validation-empty-details'));
    }
    const read = await readFor(req, match.handler, requestId);
    if (read.kind === 'refused') return read.answer;
    const run = (): Answer =>
      match.handler.run({
        user,
        params: match.params,
        query: line.query,
        body: read.body,
        upload: read.raw,
        contentType: (headerValue(req, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
        requestId,
        state: seed.state,
        bug,
      });
    if (idempotencyKey === undefined) return run();
    const fingerprint = requestFingerprint(line.method, `${line.pathname}?${line.query}`, read.raw);
    const lookup = replays.begin(String(user.id), idempotencyKey, fingerprint);
    switch (lookup.kind) {
      case 'replay':
        if (bug('denialbase.retry-processed-again')) return run();
        return withHeaders(lookup.answer, { 'idempotent-replayed': 'true' });
      case 'mismatch':
        return errorAnswer(requestId, 'conflict', 'This Idempotency-Key was used for a different request.');
      case 'inFlight':
        return errorAnswer(requestId, 'conflict', 'A request with this Idempotency-Key is still running.');
      case 'fresh':
        return answerFirstRequest(lookup, run);
    }
  }

  return {
    handler: answerEachRequest(decide, () =>
      errorAnswer(`req_${freshUlid()}`, 'internal_error', 'Something went wrong on our side.'),
    ),
    describe: (baseUrl) => describeDenialbase(baseUrl, seed),
  };
}
