import { randomUUID } from 'node:crypto';
import { addCreated } from '../bounded-store.js';
import { policyCredential } from '../policy-credential.js';
import {
  dispatch,
  type GuardedHandler,
  isResponse,
  type RouteHandler,
  route,
  withJsonBody,
} from '../routing.js';
import { failuresFromTable } from '../standard-failures.js';
import type { ModelContext, SimRequest, SimResponse, VendorModel } from '../types.js';

type Tier = 'read_only' | 'standard' | 'admin';
type CaseStatus = 'open' | 'in_progress' | 'closed';
type ReferralStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

interface ApiKey {
  firmId: string;
  tier: Tier;
  revoked: boolean;
  limitPerMinute: number;
}
interface Firm {
  id: string;
  name: string;
}
interface Case {
  id: string;
  firmId: string;
  clientName: string;
  caseType: string;
  status: CaseStatus;
}
interface Referral {
  id: string;
  caseId: string;
  fromFirmId: string;
  targetFirmId: string;
  status: ReferralStatus;
}
interface State {
  firms: Map<string, Firm>;
  cases: Map<string, Case>;
  referrals: Map<string, Referral>;
}

const FIRM_A = '0a7d3c52-4f1e-4c7a-9a55-1f0c6a2b8e01';
const FIRM_B = '5b2e9f10-8c3d-4e6f-a1b2-3c4d5e6f7a02';
const FIRM_C = '9c8b7a65-4321-4fed-8cba-987654321003';
const CASE_A = '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a10';
const CASE_B = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c20';
const CASE_CLOSED = '3b4c5d6e-7f80-4a9b-8c1d-2e3f4a5b6c30';
const REFERRAL_ACTIVE = '4c5d6e7f-8091-4aab-9c2d-3e4f5a6b7c40';
const REFERRAL_DECLINED = '5d6e7f80-91a2-4bbc-8d3e-4f5a6b7c8d50';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const KEYS: Record<string, ApiKey> = {
  cx_test_standard_7Qm2: { firmId: FIRM_A, tier: 'standard', revoked: false, limitPerMinute: 600 },
  cx_test_readonly_4Hk9: { firmId: FIRM_A, tier: 'read_only', revoked: false, limitPerMinute: 600 },
  cx_test_otherfirm_8Zp1: { firmId: FIRM_B, tier: 'standard', revoked: false, limitPerMinute: 600 },
  cx_test_revoked_2Lx5: { firmId: FIRM_A, tier: 'standard', revoked: true, limitPerMinute: 600 },
  cx_test_ratelimited_6Wn3: { firmId: FIRM_A, tier: 'standard', revoked: false, limitPerMinute: 2 },
};

const CASE_TYPES = ['personal_injury', 'workers_compensation', 'medical_malpractice'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Which case status may follow which; anything else is an invalid transition. */
const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ['in_progress', 'closed'],
  in_progress: ['closed'],
  closed: [],
};
const TERMINAL_REFERRALS: readonly ReferralStatus[] = ['declined', 'withdrawn'];

type Ctx = ModelContext<State>;
interface Caller {
  key: ApiKey;
}

function createState(): State {
  return {
    firms: new Map(
      [
        { id: FIRM_A, name: 'Harbor Street Legal' },
        { id: FIRM_B, name: 'Northgate Injury Counsel' },
        { id: FIRM_C, name: 'Lakeside Trial Partners' },
      ].map((firm) => [firm.id, firm]),
    ),
    cases: new Map(
      [
        {
          id: CASE_A,
          firmId: FIRM_A,
          clientName: 'Test Client A',
          caseType: 'personal_injury',
          status: 'open',
        },
        {
          id: CASE_B,
          firmId: FIRM_B,
          clientName: 'Test Client B',
          caseType: 'personal_injury',
          status: 'open',
        },
        {
          id: CASE_CLOSED,
          firmId: FIRM_A,
          clientName: 'Test Client C',
          caseType: 'medical_malpractice',
          status: 'closed',
        },
      ].map((c) => [c.id, c as Case]),
    ),
    referrals: new Map(
      [
        { id: REFERRAL_ACTIVE, caseId: CASE_A, fromFirmId: FIRM_A, targetFirmId: FIRM_C, status: 'pending' },
        {
          id: REFERRAL_DECLINED,
          caseId: CASE_A,
          fromFirmId: FIRM_A,
          targetFirmId: FIRM_B,
          status: 'declined',
        },
      ].map((r) => [r.id, r as Referral]),
    ),
  };
}

/** Authenticates, then checks the tier a write needs, before the handler runs. */
function authed(access: 'read' | 'write', handler: GuardedHandler<State, Caller>): RouteHandler<State> {
  return (request, ctx, params) => {
    const value = request.headers['x-api-key'];
    const key = value === undefined ? undefined : KEYS[value];
    if (!key || key.revoked) {
      return ctx.error(
        'invalid_api_key',
        value === undefined
          ? 'Send an API key in X-API-Key.'
          : 'This API key is not recognised or has been revoked.',
      );
    }
    if (access === 'write' && key.tier === 'read_only') {
      return ctx.error(
        'insufficient_tier',
        'A read_only key cannot change data; use a standard or admin key.',
      );
    }
    return handler(request, ctx, params, { key });
  };
}

function withBody(request: SimRequest, ctx: Ctx, then: (body: Record<string, unknown>) => SimResponse) {
  return withJsonBody(request, ctx, failure, then);
}

/** The case, or the error a caller of another firm or with a stale id gets. */
function ownedCase(ctx: Ctx, id: string | undefined, caller: Caller, field = 'id'): Case | SimResponse {
  if (!id || !UUID.test(id)) return ctx.error('validation_error', `${field} must be a UUID.`);
  const found = ctx.state.cases.get(id);
  if (!found) return ctx.error('resource_not_found', `No case has id ${id}.`);
  if (found.firmId !== caller.key.firmId)
    return ctx.error('permission_denied', 'This case belongs to another firm.');
  return found;
}

function ownedReferral(ctx: Ctx, id: string | undefined, caller: Caller): Referral | SimResponse {
  if (!id || !UUID.test(id)) return ctx.error('validation_error', 'id must be a UUID.');
  const found = ctx.state.referrals.get(id);
  if (!found) return ctx.error('resource_not_found', `No referral has id ${id}.`);
  if (found.fromFirmId !== caller.key.firmId)
    return ctx.error('permission_denied', 'This referral belongs to another firm.');
  return found;
}

function createReferral(ctx: Ctx, caller: Caller, caseId: unknown, targetFirmId: unknown): SimResponse {
  if (typeof targetFirmId !== 'string' || !UUID.test(targetFirmId)) {
    return ctx.error('validation_error', 'targetFirmId is required and must be a UUID.');
  }
  const found = ownedCase(ctx, typeof caseId === 'string' ? caseId : undefined, caller, 'caseId');
  if (isResponse(found)) return found;
  if (!ctx.state.firms.has(targetFirmId))
    return ctx.error('resource_not_found', `No firm has id ${targetFirmId}.`);
  const active = [...ctx.state.referrals.values()].some(
    (r) => r.caseId === found.id && r.targetFirmId === targetFirmId && !TERMINAL_REFERRALS.includes(r.status),
  );
  if (active) return ctx.error('conflict', 'An active referral of this case to that firm already exists.');
  const referral: Referral = {
    id: randomUUID(),
    caseId: found.id,
    fromFirmId: caller.key.firmId,
    targetFirmId,
    status: 'pending',
  };
  addCreated(ctx.state.referrals, referral.id, referral);
  return ctx.json(201, { data: referral });
}

const routes = [
  route<State>(
    'GET',
    '/firms/me',
    authed('read', (_r, ctx, _p, caller) => {
      const firm = ctx.state.firms.get(caller.key.firmId);
      return ctx.json(200, { data: { firm, apiKey: { tier: caller.key.tier } } });
    }),
  ),
  route<State>(
    'GET',
    '/cases/:id',
    authed('read', (_r, ctx, params, caller) => {
      const found = ownedCase(ctx, params.id, caller);
      return isResponse(found) ? found : ctx.json(200, { data: found });
    }),
  ),
  route<State>(
    'POST',
    '/cases',
    authed('write', (request, ctx, _p, caller) =>
      withBody(request, ctx, (body) => {
        if (typeof body.clientName !== 'string' || body.clientName.trim() === '') {
          return ctx.error('validation_error', 'clientName is required.');
        }
        if (!CASE_TYPES.includes(String(body.caseType))) {
          return ctx.error('validation_error', `caseType must be one of ${CASE_TYPES.join(', ')}.`);
        }
        // An optional filing date, the one date a case takes: "malformed dates" are a documented 400.
        if (body.filedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(body.filedOn))) {
          return ctx.error('validation_error', 'filedOn must be a date (YYYY-MM-DD).');
        }
        const created: Case = {
          id: randomUUID(),
          firmId: caller.key.firmId,
          clientName: body.clientName,
          caseType: String(body.caseType),
          status: 'open',
        };
        addCreated(ctx.state.cases, created.id, created);
        return ctx.json(201, { data: created });
      }),
    ),
  ),
  route<State>(
    'PATCH',
    '/cases/:id',
    authed('write', (request, ctx, params, caller) =>
      withBody(request, ctx, (body) => {
        const found = ownedCase(ctx, params.id, caller);
        if (isResponse(found)) return found;
        const next = body.status as CaseStatus;
        if (!(next in CASE_TRANSITIONS)) {
          return ctx.error('validation_error', 'status must be one of open, in_progress, closed.');
        }
        if (!CASE_TRANSITIONS[found.status].includes(next)) {
          return ctx.error('invalid_state_transition', `A case cannot move from ${found.status} to ${next}.`);
        }
        found.status = next;
        return ctx.json(200, { data: found });
      }),
    ),
  ),
  route<State>(
    'GET',
    '/referrals/:id',
    authed('read', (_r, ctx, params, caller) => {
      const found = ownedReferral(ctx, params.id, caller);
      return isResponse(found) ? found : ctx.json(200, { data: found });
    }),
  ),
  route<State>(
    'POST',
    '/referrals',
    authed('write', (request, ctx, _p, caller) =>
      withBody(request, ctx, (body) => createReferral(ctx, caller, body.caseId, body.targetFirmId)),
    ),
  ),
  route<State>(
    'POST',
    '/referrals/:id/re-refer',
    authed('write', (request, ctx, params, caller) =>
      withBody(request, ctx, (body) => {
        const found = ownedReferral(ctx, params.id, caller);
        if (isResponse(found)) return found;
        if (!TERMINAL_REFERRALS.includes(found.status)) {
          return ctx.error(
            'invalid_state_transition',
            `A ${found.status} referral cannot be re-referred until it ends.`,
          );
        }
        return createReferral(ctx, caller, found.caseId, body.targetFirmId);
      }),
    ),
  ),
];

const failure = failuresFromTable<State>({
  unknown_route: 'resource_not_found',
  malformed_json: 'validation_error',
  unsupported_media_type: 'validation_error',
  payload_too_large: 'validation_error',
  invalid_idempotency_key: 'validation_error',
  internal: 'internal_error',
});

export const casexchange: VendorModel<State> = {
  id: 'casexchange',
  createState,
  credentials: () => ({
    vendorId: 'casexchange',
    roles: {
      valid: policyCredential('casexchange', 'cx_test_standard_7Qm2'),
      readOnly: policyCredential('casexchange', 'cx_test_readonly_4Hk9'),
      otherOrganisation: policyCredential('casexchange', 'cx_test_otherfirm_8Zp1'),
      revoked: policyCredential('casexchange', 'cx_test_revoked_2Lx5'),
      rateLimited: policyCredential('casexchange', 'cx_test_ratelimited_6Wn3'),
    },
    facts: {
      firmId: FIRM_A,
      otherFirmId: FIRM_B,
      caseId: CASE_A,
      activeReferralId: REFERRAL_ACTIVE,
      referredFirmId: FIRM_C,
      otherOrganisationCaseId: CASE_B,
      closedCaseId: CASE_CLOSED,
      endedReferralId: REFERRAL_DECLINED,
      staleId: UNKNOWN_ID,
      requiredField: 'clientName',
      uuidField: 'caseId',
      dateField: 'filedOn',
    },
  }),
  handle: (request, ctx) => dispatch(routes, request, ctx, failure),
  shapeError: ({ entry, message, now }) => ({
    error: { code: entry.code, message },
    meta: { timestamp: new Date(now).toISOString() },
  }),
  failure,
  maxBodyBytes: 1024 * 1024,
  rateLimitFor: (principal) => ({ limit: KEYS[principal]?.limitPerMinute ?? 600, windowSeconds: 60 }),
  countResources: (state) => state.cases.size + state.referrals.size,
};
