import { randomBytes, randomUUID } from 'node:crypto';
import { addCreated, setCapped } from '../bounded-store.js';
import {
  bodyText,
  dispatch,
  type GuardedHandler,
  isResponse,
  okOr,
  type RouteHandler,
  route,
  withJsonBody,
} from '../routing.js';
import { failuresFromTable } from '../standard-failures.js';
import type { ModelContext, SimRequest, SimResponse, VendorModel } from '../types.js';
import { containsTestVirus } from '../virus-scan.js';

type Role = 'admin' | 'member' | 'viewer';
interface User {
  email: string;
  password: string;
  orgId: string;
  role: Role;
  /** The one-time code the simulated authenticator app shows; null when 2FA is off. */
  otp: string | null;
}
interface Session {
  email: string;
  expiresAt: number;
  secondFactorDone: boolean;
  limitPerMinute: number;
}
interface Denial {
  id: string;
  org_id: string;
  claim_number: string;
  denial_type: string;
  amount_cents: number;
  status: 'open' | 'appealed' | 'resolved';
  lock_version: number;
}
interface DocumentRecord {
  id: string;
  org_id: string;
  filename: string;
  byte_size: number;
}
interface State {
  sessions: Map<string, Session>;
  denials: Map<string, Denial>;
  documents: Map<string, DocumentRecord>;
}

const COOKIE = '_denialbase_session';
const ORG_A = 'org_a1';
const ORG_B = 'org_b2';
const HOUR = 60 * 60 * 1000;
const SESSION_LIFETIME_MS = 12 * HOUR;
/** Seeded sessions outlive long virtual-clock runs (a 24-hour idempotency window, say). */
const SEEDED_SESSION_LIFETIME_MS = 30 * 24 * HOUR;
const MAX_SESSIONS = 10_000;
/** 50 MiB: the policy records why the binary reading of "50 MB" was chosen. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const DENIAL_TYPES = [
  'medical_necessity',
  'prior_authorization',
  'coding',
  'eligibility',
  'timely_filing',
  'duplicate',
];
const DENIAL_A = 'dn_8QW2'; // seeded ids are short and stable so checks can name them
const DENIAL_B = 'dn_3KX9';
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const USERS: Record<string, User> = {
  'avery@clinic-a.test': {
    email: 'avery@clinic-a.test',
    password: 'correct-horse-1',
    orgId: ORG_A,
    role: 'admin',
    otp: null,
  },
  'blake@clinic-a.test': {
    email: 'blake@clinic-a.test',
    password: 'correct-horse-2',
    orgId: ORG_A,
    role: 'viewer',
    otp: null,
  },
  'casey@clinic-b.test': {
    email: 'casey@clinic-b.test',
    password: 'correct-horse-3',
    orgId: ORG_B,
    role: 'admin',
    otp: null,
  },
  'drew@clinic-a.test': {
    email: 'drew@clinic-a.test',
    password: 'correct-horse-4',
    orgId: ORG_A,
    role: 'member',
    otp: '246810',
  },
};

/** Seeded sessions, one per role a check needs. */
const SEEDED_SESSIONS: Record<string, Omit<Session, 'expiresAt'> & { expiresInMs: number }> = {
  sess_valid_9f2k: {
    email: 'avery@clinic-a.test',
    secondFactorDone: true,
    limitPerMinute: 300,
    expiresInMs: SEEDED_SESSION_LIFETIME_MS,
  },
  sess_viewer_4m8q: {
    email: 'blake@clinic-a.test',
    secondFactorDone: true,
    limitPerMinute: 300,
    expiresInMs: SEEDED_SESSION_LIFETIME_MS,
  },
  sess_other_7c1z: {
    email: 'casey@clinic-b.test',
    secondFactorDone: true,
    limitPerMinute: 300,
    expiresInMs: SEEDED_SESSION_LIFETIME_MS,
  },
  sess_expired_2h5n: {
    email: 'avery@clinic-a.test',
    secondFactorDone: true,
    limitPerMinute: 300,
    expiresInMs: -HOUR,
  },
  sess_pending2fa_6r3t: {
    email: 'drew@clinic-a.test',
    secondFactorDone: false,
    limitPerMinute: 300,
    expiresInMs: SEEDED_SESSION_LIFETIME_MS,
  },
  sess_limited_8v4w: {
    email: 'avery@clinic-a.test',
    secondFactorDone: true,
    limitPerMinute: 2,
    expiresInMs: SEEDED_SESSION_LIFETIME_MS,
  },
};

type Ctx = ModelContext<State>;
interface Caller {
  user: User;
  token: string;
}

function createState(now: number): State {
  const denial = (id: string, org_id: string): [string, Denial] => [
    id,
    {
      id,
      org_id,
      claim_number: `CLM-${id}`,
      denial_type: 'coding',
      amount_cents: 48_000,
      status: 'open',
      lock_version: 1,
    },
  ];
  return {
    sessions: new Map(
      Object.entries(SEEDED_SESSIONS).map(([token, { expiresInMs, ...session }]) => [
        token,
        { ...session, expiresAt: now + expiresInMs },
      ]),
    ),
    denials: new Map([denial(DENIAL_A, ORG_A), denial(DENIAL_B, ORG_B)]),
    documents: new Map(),
  };
}

function sessionToken(request: SimRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

/** The signed-in user, or the 401/402/403 a Rails app with Devise and Pundit would answer. */
function authed(
  access: 'read' | 'write',
  handler: GuardedHandler<State, Caller>,
  options: { allowPendingSecondFactor?: boolean } = {},
): RouteHandler<State> {
  return (request, ctx, params) => {
    const token = sessionToken(request);
    const session = token === undefined ? undefined : ctx.state.sessions.get(token);
    if (!token || !session || session.expiresAt <= ctx.clock.now()) {
      return ctx.error('not_authenticated', 'Sign in again: there is no valid session.');
    }
    if (!session.secondFactorDone && !options.allowPendingSecondFactor) {
      return ctx.error('two_factor_required', 'Finish signing in with your one-time code first.');
    }
    const user = USERS[session.email];
    if (!user) return ctx.error('not_authenticated', 'Sign in again: there is no valid session.');
    if (access === 'write' && user.role === 'viewer') {
      return ctx.error('not_authorized', 'Your role may read but not change records.');
    }
    return handler(request, ctx, params, { user, token });
  };
}

function owned<T extends { org_id: string }>(
  ctx: Ctx,
  map: Map<string, T>,
  id: string | undefined,
  caller: Caller,
) {
  const found = id === undefined ? undefined : map.get(id);
  // Another organization's record is "not visible to you": the same 404 as a missing one.
  if (!found || found.org_id !== caller.user.orgId)
    return ctx.error('not_found', `Nothing with id ${id} exists here.`);
  return found;
}

function validationFailed(ctx: Ctx, details: { field: string; message: string }[]): SimResponse {
  return ctx.error('validation_failed', 'Some fields need attention.', { details });
}

function createSession(ctx: Ctx, user: User): SimResponse {
  const token = `sess_${randomBytes(12).toString('hex')}`;
  const session = {
    email: user.email,
    expiresAt: ctx.clock.now() + SESSION_LIFETIME_MS,
    secondFactorDone: user.otp === null,
    limitPerMinute: 300,
  };
  setCapped(ctx.state.sessions, token, session, MAX_SESSIONS);
  return ctx.json(
    201,
    { user: { email: user.email, role: user.role }, two_factor_required: user.otp !== null },
    { 'set-cookie': `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax` },
  );
}

const sessionRoutes = [
  route<State>('POST', '/api/v1/sessions', (request, ctx) =>
    withJsonBody(request, ctx, failure, (body) => {
      const user = USERS[String(body.email)];
      if (!user || user.password !== body.password)
        return ctx.error('not_authenticated', 'The e-mail or password is wrong.');
      return createSession(ctx, user);
    }),
  ),
  route<State>(
    'POST',
    '/api/v1/sessions/two_factor',
    authed(
      'read',
      (request, ctx, _p, caller) =>
        withJsonBody(request, ctx, failure, (body) => {
          const session = ctx.state.sessions.get(caller.token);
          if (!session || caller.user.otp === null || body.code !== caller.user.otp) {
            return validationFailed(ctx, [
              { field: 'code', message: 'does not match the current one-time code' },
            ]);
          }
          session.secondFactorDone = true;
          return ctx.json(200, { user: { email: caller.user.email, role: caller.user.role } });
        }),
      { allowPendingSecondFactor: true },
    ),
  ),
  route<State>(
    'DELETE',
    '/api/v1/sessions',
    authed(
      'read',
      (_r, ctx, _p, caller) => {
        ctx.state.sessions.delete(caller.token);
        return ctx.json(204, null);
      },
      { allowPendingSecondFactor: true },
    ),
  ),
];

function denialProblems(body: Record<string, unknown>, partial: boolean) {
  const details: { field: string; message: string }[] = [];
  if (!partial || body.claim_number !== undefined) {
    if (typeof body.claim_number !== 'string' || body.claim_number.trim() === '')
      details.push({ field: 'claim_number', message: 'is required' });
  }
  if (!partial || body.denial_type !== undefined) {
    if (!DENIAL_TYPES.includes(String(body.denial_type)))
      details.push({ field: 'denial_type', message: `must be one of ${DENIAL_TYPES.join(', ')}` });
  }
  if (!partial || body.amount_cents !== undefined) {
    if (!Number.isSafeInteger(body.amount_cents) || (body.amount_cents as number) < 0)
      details.push({ field: 'amount_cents', message: 'must be a whole, non-negative number of cents' });
  }
  if (
    body.payer_email !== undefined &&
    !(typeof body.payer_email === 'string' && EMAIL.test(body.payer_email))
  ) {
    details.push({ field: 'payer_email', message: 'is not an e-mail address' });
  }
  return details;
}

const denialRoutes = [
  route<State>(
    'GET',
    '/api/v1/denials',
    authed('read', (_r, ctx, _p, caller) =>
      ctx.json(200, {
        denials: [...ctx.state.denials.values()].filter((d) => d.org_id === caller.user.orgId),
      }),
    ),
  ),
  route<State>(
    'POST',
    '/api/v1/denials',
    authed('write', (request, ctx, _p, caller) =>
      withJsonBody(request, ctx, failure, (body) => {
        const details = denialProblems(body, false);
        if (details.length) return validationFailed(ctx, details);
        const denial: Denial = {
          id: `dn_${randomBytes(6).toString('hex')}`,
          org_id: caller.user.orgId,
          claim_number: String(body.claim_number),
          denial_type: String(body.denial_type),
          amount_cents: body.amount_cents as number,
          status: 'open',
          lock_version: 1,
        };
        addCreated(ctx.state.denials, denial.id, denial);
        return ctx.json(201, denial);
      }),
    ),
  ),
  route<State>(
    'GET',
    '/api/v1/denials/:id',
    authed('read', (_r, ctx, params, caller) => {
      const found = owned(ctx, ctx.state.denials, params.id, caller);
      return okOr(ctx, found);
    }),
  ),
  route<State>(
    'PATCH',
    '/api/v1/denials/:id',
    authed('write', (request, ctx, params, caller) =>
      withJsonBody(request, ctx, failure, (body) => {
        const found = owned(ctx, ctx.state.denials, params.id, caller);
        if (isResponse(found)) return found;
        const details = denialProblems(body, true);
        if (!Number.isSafeInteger(body.lock_version))
          details.push({ field: 'lock_version', message: 'is required for updates' });
        if (details.length) return validationFailed(ctx, details);
        if (body.lock_version !== found.lock_version) {
          return ctx.error(
            'conflict',
            'Someone else changed this denial; fetch it again and reapply your change.',
          );
        }
        Object.assign(found, pick(body, ['claim_number', 'denial_type', 'amount_cents']), {
          lock_version: found.lock_version + 1,
        });
        return ctx.json(200, found);
      }),
    ),
  ),
];

function pick(body: Record<string, unknown>, fields: readonly string[]) {
  return Object.fromEntries(fields.filter((f) => body[f] !== undefined).map((f) => [f, body[f]]));
}

/** The uploaded file's name, from a multipart part or a header for a raw upload. */
function uploadedFileName(request: SimRequest): string | undefined {
  const type = request.headers['content-type'] ?? '';
  if (/^multipart\/form-data/i.test(type)) {
    const match = /content-disposition:\s*form-data;\s*name="file"(?:;\s*filename="([^"]*)")?/i.exec(
      bodyText(request),
    );
    return match ? (match[1] ?? 'upload') : undefined;
  }
  return request.body.length ? (request.headers['x-filename'] ?? 'upload') : undefined;
}

const documentRoutes = [
  route<State>(
    'POST',
    '/api/v1/documents',
    authed('write', (request, ctx, _p, caller) => {
      const type = request.headers['content-type'] ?? '';
      if (!/^(multipart\/form-data|application\/(octet-stream|pdf))/i.test(type)) {
        return failure(
          'unsupported_media_type',
          ctx,
          `send multipart/form-data with a file part, not ${type || 'no content type'}`,
        );
      }
      const filename = uploadedFileName(request);
      if (filename === undefined) return validationFailed(ctx, [{ field: 'file', message: 'is required' }]);
      if (containsTestVirus(request.body)) {
        return ctx.error('virus_detected', 'The file did not pass the virus scan and was discarded.');
      }
      const document: DocumentRecord = {
        id: randomUUID(),
        org_id: caller.user.orgId,
        filename,
        byte_size: request.body.length,
      };
      addCreated(ctx.state.documents, document.id, document);
      return ctx.json(201, document);
    }),
  ),
  route<State>(
    'GET',
    '/api/v1/documents/:id',
    authed('read', (_r, ctx, params, caller) => {
      const found = owned(ctx, ctx.state.documents, params.id, caller);
      return okOr(ctx, found);
    }),
  ),
];

const routes = [...sessionRoutes, ...denialRoutes, ...documentRoutes];

const failure = failuresFromTable<State>({
  unknown_route: 'not_found',
  malformed_json: 'bad_request',
  unsupported_media_type: 'bad_request',
  payload_too_large: 'file_too_large',
  invalid_idempotency_key: 'bad_request',
  internal: 'internal_error',
});

export const denialbase: VendorModel<State> = {
  id: 'denialbase',
  createState,
  credentials: () => {
    const cookie = (token: string) =>
      ({ kind: 'header', header: 'Cookie', value: `${COOKIE}=${token}` }) as const;
    return {
      vendorId: 'denialbase',
      roles: {
        valid: cookie('sess_valid_9f2k'),
        readOnly: cookie('sess_viewer_4m8q'),
        otherOrganisation: cookie('sess_other_7c1z'),
        expired: cookie('sess_expired_2h5n'),
        secondFactorPending: cookie('sess_pending2fa_6r3t'),
        rateLimited: cookie('sess_limited_8v4w'),
      },
      facts: {
        email: 'avery@clinic-a.test',
        password: 'correct-horse-1',
        twoFactorEmail: 'drew@clinic-a.test',
        twoFactorPassword: 'correct-horse-4',
        oneTimeCode: '246810',
        denialId: DENIAL_A,
        otherOrganisationDenialId: DENIAL_B,
        staleId: 'dn_gone',
        mutableField: 'amount_cents',
      },
    };
  },
  handle: (request, ctx) => dispatch(routes, request, ctx, failure),
  shapeError: ({ entry, message, extras }) => ({
    error: {
      code: entry.code,
      message,
      ...(Array.isArray(extras.details) ? { details: extras.details } : {}),
    },
  }),
  failure,
  maxBodyBytes: MAX_UPLOAD_BYTES,
  rateLimitFor: (principal) => {
    const token = /_denialbase_session=([^;\s]+)/.exec(principal)?.[1];
    return { limit: (token && SEEDED_SESSIONS[token]?.limitPerMinute) || 300, windowSeconds: 60 };
  },
  countResources: (state) => state.denials.size + state.documents.size,
};
