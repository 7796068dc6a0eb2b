import { randomUUID } from 'node:crypto';
import { addCreated } from '../bounded-store.js';
import {
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

type Scope = 'patients:read' | 'patients:write' | 'claims:read' | 'claims:write';

interface ApiKey {
  orgId: string;
  scopes: readonly Scope[];
  revoked: boolean;
  /** Relative to the state's creation, so "expired" stays expired on any clock. */
  expiresInMs: number | null;
  limitPerMinute: number;
}
interface Patient {
  id: string;
  orgId: string;
  externalId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  deletedAt: string | null;
}
interface Claim {
  id: string;
  orgId: string;
  patientId: string;
  payerId: string;
  claimType: string;
  totalChargeCents: number;
  admissionDate: string | null;
  dischargeDate: string | null;
  serviceLines: unknown[];
  status: 'draft' | 'submitted';
}
interface State {
  createdAt: number;
  patients: Map<string, Patient>;
  claims: Map<string, Claim>;
}

const ORG_A = 'org_2Rk8Fz';
const ORG_B = 'org_7Tq3Wm';
const PATIENT_A = '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';
const PATIENT_B = '7a2d3e4f-5b6c-4d7e-9f80-91a2b3c4d5e6';
const PATIENT_DELETED = '8b3e4f50-6c7d-4e8f-a091-a2b3c4d5e6f7';
const CLAIM_REJECTED_BY_PAYER = '9c4f5061-7d8e-4f90-b1a2-b3c4d5e6f708';
const CLAIM_WITHOUT_LINES = 'ad506172-8e9f-4a01-82b3-c4d5e6f70819';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
/** A payer the simulator always hears a rejection from, so payer_rejected needs no fault. */
const REJECTING_PAYER = 'PAYER_REJECTS_ALL';

const ALL_SCOPES: Scope[] = ['patients:read', 'patients:write', 'claims:read', 'claims:write'];
const DAY = 24 * 60 * 60 * 1000;
const KEYS: Record<string, ApiKey> = {
  fs_test_full_Kd82Jq: {
    orgId: ORG_A,
    scopes: ALL_SCOPES,
    revoked: false,
    expiresInMs: null,
    limitPerMinute: 600,
  },
  fs_test_read_Pw41Nc: {
    orgId: ORG_A,
    scopes: ['patients:read', 'claims:read'],
    revoked: false,
    expiresInMs: null,
    limitPerMinute: 600,
  },
  fs_test_other_Zm27Rt: {
    orgId: ORG_B,
    scopes: ALL_SCOPES,
    revoked: false,
    expiresInMs: null,
    limitPerMinute: 600,
  },
  fs_test_expired_Hb93Vx: {
    orgId: ORG_A,
    scopes: ALL_SCOPES,
    revoked: false,
    expiresInMs: -DAY,
    limitPerMinute: 600,
  },
  fs_test_revoked_Lq58Yd: {
    orgId: ORG_A,
    scopes: ALL_SCOPES,
    revoked: true,
    expiresInMs: null,
    limitPerMinute: 600,
  },
  fs_test_limited_Ne16Gs: {
    orgId: ORG_A,
    scopes: ALL_SCOPES,
    revoked: false,
    expiresInMs: null,
    limitPerMinute: 2,
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLAIM_TYPES = ['professional', 'institutional'];
const MAX_NOTES = 500;
const MAX_NAME = 100;

type Ctx = ModelContext<State>;

function createState(now: number): State {
  const patient = (
    id: string,
    orgId: string,
    externalId: string,
    deletedAt: string | null,
  ): [string, Patient] => [
    id,
    { id, orgId, externalId, firstName: 'Test', lastName: 'Patient', dateOfBirth: '1980-04-03', deletedAt },
  ];
  const claim = (id: string, payerId: string, serviceLines: unknown[]): [string, Claim] => [
    id,
    {
      id,
      orgId: ORG_A,
      patientId: PATIENT_A,
      payerId,
      claimType: 'professional',
      totalChargeCents: 12_500,
      admissionDate: null,
      dischargeDate: null,
      serviceLines,
      status: 'draft',
    },
  ];
  return {
    createdAt: now,
    patients: new Map([
      patient(PATIENT_A, ORG_A, 'MRN-1001', null),
      patient(PATIENT_B, ORG_B, 'MRN-2001', null),
      patient(PATIENT_DELETED, ORG_A, 'MRN-1002', new Date(now - DAY).toISOString()),
    ]),
    claims: new Map([
      claim(CLAIM_REJECTED_BY_PAYER, REJECTING_PAYER, [{ procedureCode: '99213', chargeCents: 12_500 }]),
      claim(CLAIM_WITHOUT_LINES, 'PAYER_ACME', []),
    ]),
  };
}

/** Checks the key (X-API-Key, or a bearer token as the docs allow) and the scope a route needs. */
function authed(scope: Scope, handler: GuardedHandler<State, ApiKey>): RouteHandler<State> {
  return (request, ctx, params) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const value = request.headers['x-api-key'] ?? bearer;
    if (value === undefined) return ctx.error('missing_api_key', 'Send the API key in X-API-Key.');
    const key = KEYS[value];
    if (!key || key.revoked)
      return ctx.error('invalid_api_key', 'The API key is unknown, revoked or malformed.');
    if (key.expiresInMs !== null && ctx.state.createdAt + key.expiresInMs <= ctx.clock.now()) {
      return ctx.error('expired_api_key', 'The API key is past its expiry date; issue a new one.');
    }
    if (!key.scopes.includes(scope))
      return ctx.error('forbidden_scope', `This endpoint needs the ${scope} scope.`);
    return handler(request, ctx, params, key);
  };
}

function findOwned<T extends { orgId: string }>(
  ctx: Ctx,
  map: Map<string, T>,
  id: string | undefined,
  key: ApiKey,
  param: string,
): T | SimResponse {
  if (!id || !UUID.test(id)) return ctx.error('invalid_uuid_format', `${param} must be a UUID.`, { param });
  const found = map.get(id);
  if (!found) return ctx.error('resource_not_found', `Nothing with id ${id} exists.`, { param });
  if (found.orgId !== key.orgId)
    return ctx.error('organization_mismatch', 'That resource belongs to another organization.');
  if ('deletedAt' in found && found.deletedAt)
    return ctx.error('resource_deleted', `The resource ${id} was deleted.`);
  return found;
}

/** Field rules in the order a client would want to hear about them: presence, type, form. */
function checkFields(
  ctx: Ctx,
  body: Record<string, unknown>,
  required: readonly string[],
): SimResponse | undefined {
  for (const param of required) {
    if (body[param] === undefined || body[param] === null || body[param] === '') {
      return ctx.error('missing_required_field', `${param} is required.`, { param });
    }
  }
  for (const param of [
    'externalId',
    'firstName',
    'lastName',
    'payerId',
    'patientId',
    'notes',
    'dateOfBirth',
  ]) {
    if (body[param] !== undefined && typeof body[param] !== 'string') {
      return ctx.error('invalid_field_type', `${param} must be a string.`, { param });
    }
  }
  for (const param of ['firstName', 'lastName', 'externalId']) {
    if (String(body[param] ?? '').length > MAX_NAME) {
      return ctx.error('field_value_too_long', `${param} may hold at most ${MAX_NAME} characters.`, {
        param,
      });
    }
  }
  if (String(body.notes ?? '').length > MAX_NOTES) {
    return ctx.error('field_value_too_long', `notes may hold at most ${MAX_NOTES} characters.`, {
      param: 'notes',
    });
  }
  for (const param of ['dateOfBirth', 'admissionDate', 'dischargeDate']) {
    const value = body[param];
    if (
      value !== undefined &&
      (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value)))
    ) {
      return ctx.error('invalid_date_format', `${param} must be an ISO 8601 date (YYYY-MM-DD).`, { param });
    }
  }
  return undefined;
}

const patientRoutes = [
  route<State>(
    'POST',
    '/v1/patients',
    authed('patients:write', (request, ctx, _p, key) =>
      withJsonBody(request, ctx, failure, (body) => {
        const problem = checkFields(ctx, body, ['externalId', 'firstName', 'lastName', 'dateOfBirth']);
        if (problem) return problem;
        const duplicate = [...ctx.state.patients.values()].some(
          (p) => p.orgId === key.orgId && p.externalId === body.externalId,
        );
        if (duplicate)
          return ctx.error('resource_already_exists', 'A patient with this externalId already exists.');
        const patient: Patient = {
          id: randomUUID(),
          orgId: key.orgId,
          externalId: String(body.externalId),
          firstName: String(body.firstName),
          lastName: String(body.lastName),
          dateOfBirth: String(body.dateOfBirth),
          deletedAt: null,
        };
        addCreated(ctx.state.patients, patient.id, patient);
        return ctx.json(201, patient);
      }),
    ),
  ),
  route<State>(
    'GET',
    '/v1/patients/:id',
    authed('patients:read', (_r, ctx, params, key) => {
      const found = findOwned(ctx, ctx.state.patients, params.id, key, 'id');
      return okOr(ctx, found);
    }),
  ),
  route<State>(
    'DELETE',
    '/v1/patients/:id',
    authed('patients:write', (_r, ctx, params, key) => {
      const found = findOwned(ctx, ctx.state.patients, params.id, key, 'id');
      if (isResponse(found)) return found;
      found.deletedAt = new Date(ctx.clock.now()).toISOString();
      return ctx.json(204, null);
    }),
  ),
];

const claimRoutes = [
  route<State>(
    'GET',
    '/v1/claims',
    authed('claims:read', (_r, ctx, _p, key) =>
      ctx.json(200, { data: [...ctx.state.claims.values()].filter((c) => c.orgId === key.orgId) }),
    ),
  ),
  route<State>(
    'POST',
    '/v1/claims',
    authed('claims:write', (request, ctx, _p, key) =>
      withJsonBody(request, ctx, failure, (body) => createClaim(ctx, body, key)),
    ),
  ),
  route<State>(
    'GET',
    '/v1/claims/:id',
    authed('claims:read', (_r, ctx, params, key) => {
      const found = findOwned(ctx, ctx.state.claims, params.id, key, 'id');
      return okOr(ctx, found);
    }),
  ),
  route<State>(
    'POST',
    '/v1/claims/:id/submit',
    authed('claims:write', (_r, ctx, params, key) => {
      const found = findOwned(ctx, ctx.state.claims, params.id, key, 'id');
      if (isResponse(found)) return found;
      if (found.serviceLines.length === 0) {
        return ctx.error(
          'cross_field_constraint',
          'A claim needs at least one service line to be submitted.',
          { param: 'serviceLines' },
        );
      }
      if (found.payerId === REJECTING_PAYER) {
        return ctx.error('payer_rejected', 'The payer received the claim and turned it down.');
      }
      found.status = 'submitted';
      return ctx.json(200, found);
    }),
  ),
];

function createClaim(ctx: Ctx, body: Record<string, unknown>, key: ApiKey): SimResponse {
  const problem = checkFields(ctx, body, ['patientId', 'payerId', 'claimType', 'totalChargeCents']);
  if (problem) return problem;
  if (typeof body.totalChargeCents !== 'number') {
    return ctx.error('invalid_field_type', 'totalChargeCents must be a number.', {
      param: 'totalChargeCents',
    });
  }
  if (!Number.isSafeInteger(body.totalChargeCents) || body.totalChargeCents < 0) {
    return ctx.error('invalid_currency_amount', 'totalChargeCents must be a whole number of cents.', {
      param: 'totalChargeCents',
    });
  }
  if (!CLAIM_TYPES.includes(String(body.claimType))) {
    return ctx.error('invalid_enum_value', `claimType must be one of ${CLAIM_TYPES.join(', ')}.`, {
      param: 'claimType',
    });
  }
  if (body.serviceLines !== undefined && !Array.isArray(body.serviceLines)) {
    return ctx.error('invalid_field_type', 'serviceLines must be an array.', { param: 'serviceLines' });
  }
  const admission = body.admissionDate as string | undefined;
  const discharge = body.dischargeDate as string | undefined;
  if (admission && discharge && discharge < admission) {
    return ctx.error('cross_field_constraint', 'dischargeDate cannot come before admissionDate.', {
      param: 'dischargeDate',
    });
  }
  const patient = findOwned(ctx, ctx.state.patients, String(body.patientId), key, 'patientId');
  if (isResponse(patient)) return patient;
  const claim: Claim = {
    id: randomUUID(),
    orgId: key.orgId,
    patientId: patient.id,
    payerId: String(body.payerId),
    claimType: String(body.claimType),
    totalChargeCents: body.totalChargeCents,
    admissionDate: admission ?? null,
    dischargeDate: discharge ?? null,
    serviceLines: (body.serviceLines as unknown[] | undefined) ?? [],
    status: 'draft',
  };
  addCreated(ctx.state.claims, claim.id, claim);
  return ctx.json(201, claim);
}

const routes = [...patientRoutes, ...claimRoutes];

const failure = failuresFromTable<State>({
  unknown_route: 'resource_not_found',
  malformed_json: 'invalid_field_type',
  unsupported_media_type: 'invalid_field_type',
  payload_too_large: 'field_value_too_long',
  invalid_idempotency_key: 'invalid_field_type',
  internal: 'internal_error',
});

export const foresight: VendorModel<State> = {
  id: 'foresight',
  createState,
  credentials: () => {
    const key = (value: string) => ({ kind: 'header', header: 'X-API-Key', value }) as const;
    return {
      vendorId: 'foresight',
      roles: {
        valid: key('fs_test_full_Kd82Jq'),
        readOnly: key('fs_test_read_Pw41Nc'),
        otherOrganisation: key('fs_test_other_Zm27Rt'),
        expired: key('fs_test_expired_Hb93Vx'),
        revoked: key('fs_test_revoked_Lq58Yd'),
        rateLimited: key('fs_test_limited_Ne16Gs'),
      },
      facts: {
        organizationId: ORG_A,
        patientId: PATIENT_A,
        payerId: 'PAYER_ACME',
        recordId: PATIENT_A,
        otherOrganisationRecordId: PATIENT_B,
        deletedRecordId: PATIENT_DELETED,
        uuidField: 'patientId',
        uniqueField: 'externalId',
        existingUniqueValue: 'MRN-1001',
        centsField: 'totalChargeCents',
        enumField: 'claimType',
        longTextField: 'notes',
        longTextMaxLength: String(MAX_NOTES),
        mutableField: 'totalChargeCents',
        dateField: 'dateOfBirth',
        payerRejectedClaimId: CLAIM_REJECTED_BY_PAYER,
        draftClaimId: CLAIM_WITHOUT_LINES,
        staleId: UNKNOWN_ID,
      },
    };
  },
  handle: (request: SimRequest, ctx: Ctx) => dispatch(routes, request, ctx, failure),
  shapeError: ({ entry, message, extras }) => ({
    error: {
      type: entry.vendorType ?? 'server_error',
      code: entry.code,
      message,
      ...(extras.param ? { param: extras.param } : {}),
      docsUrl: `https://docs.have-foresight.app/guides/errors#${entry.code}`,
    },
  }),
  failure,
  maxBodyBytes: 1024 * 1024,
  rateLimitFor: (principal) => {
    const key = KEYS[principal.replace(/^Bearer\s+/i, '')];
    return { limit: key?.limitPerMinute ?? 600, windowSeconds: 60 };
  },
  countResources: (state) => state.patients.size + state.claims.size,
};
