/**
 * Denialbase, written from its error page alone (a session-cookie API with a second factor, errors
 * `{ error: { code, message, details?, request_id } }`, Idempotency-Key on writes).
 *
 * Readings chosen where the page leaves room (each differs from the project's simulator on purpose):
 * | question the docs leave open                  | reading here                                       |
 * |-----------------------------------------------|----------------------------------------------------|
 * | routes                                        | `/api/v1/claim_denials/{denialId}`, `/api/v1/documents`, |
 * |                                               | sign-in `/api/v1/auth/sign_in`, 2FA `/api/v1/auth/two_factor` |
 * | session cookie name                           | `_dnb_sid`                                         |
 * | ids                                           | UUIDs, new on every start                          |
 * | request_id form (one ULID example)            | a UUID                                             |
 * | code of a 400 (none documented)               | `invalid_json`                                     |
 * | a record of another organisation              | 404 not_found ("not visible to you")               |
 * | second factor                                 | sign-in answers 402 with a pending session cookie; |
 * |                                               | the one-time code at `/auth/two_factor` upgrades it |
 * | "50 MB" upload limit                          | 50,000,000 bytes, judged from Content-Length        |
 * | a key reused with another body                | the original result is replayed (no error)          |
 * | replay                                        | the original status and body, plus                 |
 * |                                               | `Idempotent-Replayed: true`                         |
 * | rate-limit window                             | token bucket, Retry-After rounded up               |
 * | rate-limit headers on other answers           | none                                               |
 * | internal_error                                | a magic denial id that always fails                |
 */

import { headerCredentials } from '../../kit/credentials.js';
import { json, type Outgoing, parseJsonBody } from '../../kit/http.js';
import { fingerprintOf, IdempotencyKeys } from '../../kit/idempotency.js';
import { secret, uuid } from '../../kit/ids.js';
import { findRoute, operationsOf, type Route } from '../../kit/router.js';
import { TokenBucket } from '../../kit/token-bucket.js';
import type { IndependentVendor, VendorContext } from '../../types.js';
import type { BugId } from './bugs.js';

const STATUS: Record<string, number> = {
  invalid_json: 400,
  not_authenticated: 401,
  two_factor_required: 402,
  not_authorized: 403,
  not_found: 404,
  conflict: 409,
  file_too_large: 413,
  validation_failed: 422,
  virus_detected: 422,
  rate_limited: 429,
  internal_error: 500,
};
const PREFIX = '/api/v1';
const COOKIE = '_dnb_sid';
const MAX_UPLOAD_BYTES = 50_000_000;
const DENIAL_TYPES = ['medical_necessity', 'prior_authorization', 'coding', 'eligibility', 'timely_filing'];
/** The standard anti-virus test file's signature, which any scanner flags. */
const EICAR = 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Session {
  user: string;
  organization: string;
  role: 'editor' | 'viewer';
  state: 'active' | 'expired' | 'signed_out' | 'pending_second_factor';
  limited: boolean;
}
interface Denial {
  id: string;
  organization: string;
  claim_number: string;
  denial_type: string;
  amount_cents: number;
  lock_version: number;
}
interface Ctx {
  session: Session;
  principal: string;
}
interface User {
  email: string;
  password: string;
  organization: string;
  secondFactor?: string;
}

export function createVendor({ bugs, now, rateLimitRefillMs }: VendorContext): IndependentVendor {
  const has = (bug: BugId) => bugs.has(bug);
  const orgs = { own: uuid(), other: uuid() };
  const sessions = new Map<string, Session>();
  const open = (session: Session): string => {
    const token = secret(18);
    sessions.set(token, session);
    return token;
  };
  const active = (role: Session['role'], organization = orgs.own, limited = false): Session => ({
    user: uuid(),
    organization,
    role,
    state: 'active',
    limited,
  });
  const roleTokens = {
    valid: open(active('editor')),
    readOnly: open(active('viewer')),
    otherOrganisation: open(active('editor', orgs.other)),
    expired: open({ ...active('editor'), state: 'expired' }),
    revoked: open({ ...active('editor'), state: 'signed_out' }),
    secondFactorPending: open({ ...active('editor'), state: 'pending_second_factor' }),
    rateLimited: open(active('editor', orgs.own, true)),
  };
  const users: User[] = [
    { email: 'billing.lead@ridgeview-health.test', password: `pw-${secret(6)}`, organization: orgs.own },
    {
      email: 'revenue.manager@ridgeview-health.test',
      password: `pw-${secret(6)}`,
      organization: orgs.own,
      secondFactor: String(100000 + Math.floor(Math.random() * 899999)),
    },
  ];
  const ids = { denial: uuid(), otherDenial: uuid(), failingDenial: uuid() };
  const denials = new Map<string, Denial>();
  const seedDenial = (id: string, organization: string) =>
    denials.set(id, {
      id,
      organization,
      claim_number: `CN-${secret(4)}`,
      denial_type: 'coding',
      amount_cents: 4_500,
      lock_version: 2,
    });
  seedDenial(ids.denial, orgs.own);
  seedDenial(ids.otherDenial, orgs.other);
  seedDenial(ids.failingDenial, orgs.own);
  const documents = new Map<string, { id: string; organization: string; size: number }>();
  const idempotency = new IdempotencyKeys();
  const bucket = new TokenBucket(2, rateLimitRefillMs, now);

  const fail = (
    code: string,
    message: string,
    details?: { field: string; message: string }[],
    headers: Record<string, string> = {},
  ): Outgoing =>
    json(
      STATUS[code] ?? 500,
      {
        error: {
          code,
          message,
          ...(details && !(code === 'validation_failed' && has('denialbase.validation-details-empty'))
            ? { details }
            : {}),
          ...(has('denialbase.request-id-missing') ||
          (code === 'rate_limited' && has('denialbase.rate-limit-request-id-missing'))
            ? {}
            : { request_id: uuid() }),
        },
      },
      headers,
    );
  const cookie = (token: string) => `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`;
  const parseObject = (raw: Buffer): { input: Record<string, unknown> } | { answer: Outgoing } => {
    const parsed = parseJsonBody(raw);
    if (!parsed.ok) return { answer: fail('invalid_json', 'The body is not valid JSON.') };
    const value = parsed.value ?? {};
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { answer: fail('invalid_json', 'The body must be a JSON object.') };
    return { input: value as Record<string, unknown> };
  };
  const editor = (ctx: Ctx) =>
    ctx.session.role === 'editor' ? undefined : fail('not_authorized', 'Your role may not change records.');
  const visibleDenial = (id: string | undefined, ctx: Ctx): Denial | Outgoing => {
    const found = id === undefined ? undefined : denials.get(id);
    if (!found || found.organization !== ctx.session.organization)
      return fail('not_found', 'No such denial.');
    if (found.id === ids.failingDenial) return fail('internal_error', 'Something broke on our side.');
    return found;
  };
  const isDenial = (value: Denial | Outgoing): value is Denial => 'lock_version' in value;

  function denialProblems(input: Record<string, unknown>, partial: boolean) {
    const details: { field: string; message: string }[] = [];
    if (!partial || input.claim_number !== undefined)
      if (typeof input.claim_number !== 'string' || input.claim_number === '')
        details.push({ field: 'claim_number', message: 'is required' });
    if (!partial || input.denial_type !== undefined)
      if (typeof input.denial_type !== 'string' || !DENIAL_TYPES.includes(input.denial_type))
        details.push({ field: 'denial_type', message: `must be one of ${DENIAL_TYPES.join(', ')}` });
    if (!partial || input.amount_cents !== undefined)
      if (
        typeof input.amount_cents !== 'number' ||
        !Number.isInteger(input.amount_cents) ||
        input.amount_cents < 0
      )
        details.push({ field: 'amount_cents', message: 'must be a whole number of cents' });
    return details;
  }

  const view = (d: Denial) => {
    const { organization: _org, ...rest } = d;
    return rest;
  };

  const routes: Route<Ctx>[] = [
    {
      operation: 'listDenials',
      method: 'GET',
      template: `${PREFIX}/claim_denials`,
      handle: (_r, _p, ctx) =>
        json(200, {
          claim_denials: [...denials.values()]
            .filter((d) => d.organization === ctx.session.organization && d.id !== ids.failingDenial)
            .map(view),
        }),
    },
    {
      operation: 'createDenial',
      method: 'POST',
      template: `${PREFIX}/claim_denials`,
      handle: (request, _p, ctx) => {
        const denied = editor(ctx);
        if (denied) return denied;
        const parsed = parseObject(request.body);
        if ('answer' in parsed) return parsed.answer;
        const details = denialProblems(parsed.input, false);
        if (details.length > 0) return fail('validation_failed', 'Some fields are not valid.', details);
        const { claim_number, denial_type, amount_cents } = parsed.input as Pick<
          Denial,
          'claim_number' | 'denial_type' | 'amount_cents'
        >;
        const denial: Denial = {
          id: uuid(),
          organization: ctx.session.organization,
          claim_number,
          denial_type,
          amount_cents,
          lock_version: 0,
        };
        denials.set(denial.id, denial);
        return json(201, view(denial));
      },
    },
    {
      operation: 'getDenial',
      method: 'GET',
      template: `${PREFIX}/claim_denials/{denialId}`,
      handle: (_r, params, ctx) => {
        const found = visibleDenial(params.denialId, ctx);
        return isDenial(found) ? json(200, view(found)) : found;
      },
    },
    {
      operation: 'updateDenial',
      method: 'PATCH',
      template: `${PREFIX}/claim_denials/{denialId}`,
      handle: (request, params, ctx) => {
        const found = visibleDenial(params.denialId, ctx);
        if (!isDenial(found)) return found;
        const denied = editor(ctx);
        if (denied) return denied;
        const parsed = parseObject(request.body);
        if ('answer' in parsed) return parsed.answer;
        const { input } = parsed;
        if (typeof input.lock_version !== 'number')
          return fail('validation_failed', 'lock_version is required.', [
            { field: 'lock_version', message: 'is required' },
          ]);
        if (input.lock_version !== found.lock_version)
          return fail('conflict', 'The denial changed since you read it; read it again.');
        const details = denialProblems(input, true);
        if (details.length > 0) return fail('validation_failed', 'Some fields are not valid.', details);
        Object.assign(found, pick(input), { lock_version: found.lock_version + 1 });
        return json(200, view(found));
      },
    },
    {
      operation: 'uploadDocument',
      method: 'POST',
      template: `${PREFIX}/documents`,
      handle: (request, _p, ctx) => {
        const denied = editor(ctx);
        if (denied) return denied;
        if (request.body.length === 0)
          return fail('validation_failed', 'A file is required.', [
            { field: 'file', message: 'is required' },
          ]);
        if (request.body.includes(EICAR))
          return fail('virus_detected', 'The file failed the virus scan and will not be processed.');
        const document = { id: uuid(), organization: ctx.session.organization, size: request.body.length };
        documents.set(document.id, document);
        return json(201, { id: document.id, size: document.size, status: 'processing' });
      },
    },
  ];

  function pick(input: Record<string, unknown>): Partial<Denial> {
    const out: Partial<Denial> = {};
    if (typeof input.claim_number === 'string') out.claim_number = input.claim_number;
    if (typeof input.denial_type === 'string') out.denial_type = input.denial_type;
    if (typeof input.amount_cents === 'number') out.amount_cents = input.amount_cents;
    return out;
  }

  function signIn(request: { body: Buffer }): Outgoing {
    const parsed = parseObject(request.body);
    if ('answer' in parsed) return parsed.answer;
    const user = users.find((u) => u.email === parsed.input.email && u.password === parsed.input.password);
    if (!user) return fail('not_authenticated', 'The e-mail or password is not right.');
    if (user.secondFactor) {
      const token = open({ ...active('editor', user.organization), state: 'pending_second_factor' });
      return fail('two_factor_required', 'Enter the one-time code to finish signing in.', undefined, {
        'set-cookie': cookie(token),
      });
    }
    return json(
      200,
      { user: { email: user.email } },
      { 'set-cookie': cookie(open(active('editor', user.organization))) },
    );
  }

  function secondFactor(request: { body: Buffer }, presented: string | undefined): Outgoing {
    const session = presented === undefined ? undefined : sessions.get(presented);
    if (session?.state !== 'pending_second_factor' || presented === undefined)
      return fail('not_authenticated', 'Sign in first.');
    const parsed = parseObject(request.body);
    if ('answer' in parsed) return parsed.answer;
    const user = users.find((u) => u.secondFactor !== undefined);
    if (parsed.input.otp_attempt !== user?.secondFactor)
      return fail('two_factor_required', 'The one-time code is not right.');
    sessions.delete(presented);
    return json(200, { signed_in: true }, { 'set-cookie': cookie(open({ ...session, state: 'active' })) });
  }

  const sessionToken = (headers: Readonly<Record<string, string>>) =>
    new RegExp(`(?:^|;\\s*)${COOKIE}=([^;\\s]+)`).exec(headers.cookie ?? '')?.[1];

  const authenticate = (presented: string | undefined): Ctx | Outgoing => {
    const session = presented === undefined ? undefined : sessions.get(presented);
    if (!session || session.state === 'expired' || session.state === 'signed_out' || presented === undefined)
      return fail('not_authenticated', 'No valid session.');
    if (session.state === 'pending_second_factor')
      return has('denialbase.two-factor-as-401')
        ? fail('not_authenticated', 'No valid session.')
        : fail('two_factor_required', 'Finish the second factor first.');
    const refused = session.limited
      ? bucket.refuse(presented, has('denialbase.rate-limit-without-retry-after') ? null : 'retry-after')
      : undefined;
    if (refused) return fail('rate_limited', 'Too many requests.', undefined, refused);
    return { session, principal: presented };
  };

  /** Runs a write once per Idempotency-Key: any later use within the window gets the first answer back. */
  async function keyed(
    request: Parameters<Route<Ctx>['handle']>[0],
    ctx: Ctx,
    run: () => Outgoing | Promise<Outgoing>,
  ) {
    const key = request.headers['idempotency-key'];
    if (key === undefined || !WRITES.has(request.method) || has('denialbase.replay-creates-duplicate'))
      return run();
    const seen = idempotency.get(ctx.principal, key);
    if (seen?.state === 'done')
      return { ...seen.answer, headers: { ...seen.answer.headers, 'idempotent-replayed': 'true' } };
    const answer = await run();
    if (answer.status < 500)
      idempotency.set(ctx.principal, key, {
        state: 'done',
        fingerprint: fingerprintOf(request.method, request.path, request.body),
        answer,
      });
    return answer;
  }

  return {
    handler: {
      beforeBody(request, declared) {
        if (
          request.method === 'POST' &&
          request.path === `${PREFIX}/documents` &&
          (declared ?? 0) > MAX_UPLOAD_BYTES
        ) {
          const ctx = authenticate(sessionToken(request.headers));
          return 'principal' in ctx ? fail('file_too_large', 'Uploads are limited to 50 MB.') : ctx;
        }
        return undefined;
      },
      handle(request) {
        if (request.method === 'POST' && request.path === `${PREFIX}/auth/sign_in`) return signIn(request);
        if (request.method === 'POST' && request.path === `${PREFIX}/auth/two_factor`)
          return secondFactor(request, sessionToken(request.headers));
        const ctx = authenticate(sessionToken(request.headers));
        if (!('principal' in ctx)) return ctx;
        const match = findRoute(routes, request.method, request.path);
        if (!match) return fail('not_found', 'No such resource.');
        return keyed(request, ctx, () => match.route.handle(request, match.params, ctx));
      },
    },
    describe: (baseUrl) => {
      const [plain, withSecondFactor] = users as [User, User];
      return {
        baseUrl,
        operations: {
          ...operationsOf(routes as Route<unknown>[]),
          signIn: { method: 'POST', path: `${PREFIX}/auth/sign_in` },
          completeSecondFactor: { method: 'POST', path: `${PREFIX}/auth/two_factor` },
        },
        credentials: headerCredentials('Cookie', roleTokens, (token) => `${COOKIE}=${token}`),
        facts: {
          email: plain.email,
          password: plain.password,
          twoFactorEmail: withSecondFactor.email,
          twoFactorPassword: withSecondFactor.password,
          oneTimeCode: withSecondFactor.secondFactor as string,
          sessionCookieName: COOKIE,
          denialId: ids.denial,
          denialLockVersion: '2',
          staleLockVersion: '0',
          otherOrganizationDenialId: ids.otherDenial,
          unknownDenialId: uuid(),
          denialType: 'coding',
          eicarTestString: `X5O!P%@AP[4\\PZX54(P^)7CC)7}$${EICAR}!$H+H*`,
          failingDenialId: ids.failingDenial,
        },
        magic: [{ fact: 'failingDenialId', operation: 'getDenial', provokes: 'internal_error', status: 500 }],
        limits: { maxUploadBytes: MAX_UPLOAD_BYTES, rateLimitCapacity: 2, rateLimitRefillMs },
      };
    },
  };
}
