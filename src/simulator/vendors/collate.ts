import { randomBytes } from 'node:crypto';
import { addCreated } from '../bounded-store.js';
import {
  bodyText,
  dispatch,
  type GuardedHandler,
  isResponse,
  type RouteHandler,
  route,
  withJsonBody,
} from '../routing.js';
import { failuresFromTable } from '../standard-failures.js';
import type { ModelContext, SimRequest, SimResponse, VendorModel } from '../types.js';

type Status = 'requires_action' | 'processing' | 'waiting_on_payer' | 'approved' | 'denied' | 'cancelled';
type NextActionType = 'resolve_requirements' | 'approve_submission' | 'complete_payer_interaction';

interface ApiKey {
  orgId: string;
  environment: 'test' | 'production';
  canWrite: boolean;
  revoked: boolean;
}
interface Question {
  linkId: string;
  type: 'boolean' | 'string';
  answer: unknown;
}
interface PriorAuthorization {
  id: string;
  orgId: string;
  status: Status;
  version: number;
  nextAction: { type: NextActionType; resolution: { kind: 'write' | 'confirm' | 'handoff' } } | null;
  requirements: { questions: Question[]; documents: { documentType: string; satisfied: boolean }[] };
  submission: { reviewSnapshot: { id: string } | null };
  attachments: { fileId: string; documentTypes: string[] }[];
  providerNpi: string;
  payerId: string;
}
interface FileRecord {
  id: string;
  orgId: string;
  purpose: 'authorization_attachment' | 'export';
  contentType: string;
  status: 'pending' | 'ready';
}
interface Handoff {
  id: string;
  authorizationId: string;
  status: 'requested' | 'active' | 'closed';
  reviewSnapshotId: string;
}
interface Grant {
  id: string;
  authorizationId: string;
  expiresAt: number;
  revoked: boolean;
}
interface State {
  authorizations: Map<string, PriorAuthorization>;
  files: Map<string, FileRecord>;
  handoffs: Map<string, Handoff>;
  grants: Map<string, Grant>;
}

const ORG_A = 'org_col_a';
const ORG_B = 'org_col_b';
const TERMINAL: readonly Status[] = ['approved', 'denied', 'cancelled'];
const GRANT_LIFETIME_MS = 5 * 60 * 1000;
/** Our documented limit for any Collate request body, file content included. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const KEYS: Record<string, ApiKey> = {
  col_test_full_R7v2: { orgId: ORG_A, environment: 'test', canWrite: true, revoked: false },
  col_test_read_M3k8: { orgId: ORG_A, environment: 'test', canWrite: false, revoked: false },
  col_test_other_Q9d4: { orgId: ORG_B, environment: 'test', canWrite: true, revoked: false },
  col_live_full_T5w1: { orgId: ORG_A, environment: 'production', canWrite: true, revoked: false },
  col_test_revoked_J6n3: { orgId: ORG_A, environment: 'test', canWrite: true, revoked: true },
};
/** Providers registered to each organisation. */
const PROVIDERS: Record<string, readonly string[]> = {
  [ORG_A]: ['1234567893', '1098765430'],
  [ORG_B]: ['1999999984'],
};
const PAYERS = ['payer_northwind', 'payer_contoso'];
/** Serviceable routes: provider|payer|state|serviceType|serviceCode, and whether access is configured. */
const SERVICE_ROUTES: Record<string, boolean> = {
  '1234567893|payer_northwind|CA|imaging|70551': true,
  '1098765430|payer_northwind|CA|imaging|70551': false,
};

type Ctx = ModelContext<State>;

function authorization(
  id: string,
  status: Status,
  changes: Partial<PriorAuthorization> = {},
): PriorAuthorization {
  return {
    id,
    orgId: ORG_A,
    status,
    version: 3,
    nextAction: null,
    requirements: { questions: [], documents: [] },
    submission: { reviewSnapshot: { id: 'rs_current' } },
    attachments: [],
    providerNpi: '1234567893',
    payerId: 'payer_northwind',
    ...changes,
  };
}

function createState(now: number): State {
  const needsAnswers = authorization('pa_needs_answers', 'requires_action', {
    nextAction: { type: 'resolve_requirements', resolution: { kind: 'write' } },
    requirements: {
      questions: [{ linkId: 'prior_imaging', type: 'boolean', answer: null }],
      documents: [{ documentType: 'clinical_notes', satisfied: false }],
    },
  });
  const confirm = { type: 'approve_submission', resolution: { kind: 'confirm' } } as const;
  const list = [
    needsAnswers,
    authorization('pa_ready', 'requires_action', { nextAction: confirm }),
    authorization('pa_unsatisfied', 'requires_action', {
      nextAction: confirm,
      requirements: { questions: [], documents: [{ documentType: 'referral_letter', satisfied: false }] },
    }),
    authorization('pa_payer_call', 'requires_action', {
      nextAction: { type: 'complete_payer_interaction', resolution: { kind: 'handoff' } },
    }),
    authorization('pa_processing', 'processing'),
    authorization('pa_waiting', 'waiting_on_payer'),
    authorization('pa_approved', 'approved'),
    authorization('pa_other_org', 'processing', { orgId: ORG_B, providerNpi: '1999999984' }),
  ];
  const file = (
    id: string,
    purpose: FileRecord['purpose'],
    status: FileRecord['status'],
  ): [string, FileRecord] => [id, { id, orgId: ORG_A, purpose, contentType: 'application/pdf', status }];
  const handoff = (id: string, status: Handoff['status']): [string, Handoff] => [
    id,
    { id, authorizationId: 'pa_payer_call', status, reviewSnapshotId: 'rs_current' },
  ];
  const grant = (id: string, expiresAt: number, revoked: boolean): [string, Grant] => [
    id,
    { id, authorizationId: 'pa_processing', expiresAt, revoked },
  ];
  return {
    authorizations: new Map(list.map((a) => [a.id, a])),
    files: new Map([
      file('file_ready', 'authorization_attachment', 'ready'),
      file('file_pending', 'authorization_attachment', 'pending'),
      file('file_export', 'export', 'ready'),
    ]),
    handoffs: new Map([
      handoff('mh_active', 'active'),
      handoff('mh_requested', 'requested'),
      handoff('mh_closed', 'closed'),
    ]),
    grants: new Map([
      grant('grant_live', now + GRANT_LIFETIME_MS, false),
      grant('grant_expired', now - 1, false),
      grant('grant_revoked', now + GRANT_LIFETIME_MS, true),
    ]),
  };
}

function authed(access: 'read' | 'write', handler: GuardedHandler<State, ApiKey>): RouteHandler<State> {
  return (request, ctx, params) => {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const key = token === undefined ? undefined : KEYS[token];
    if (!key || key.revoked)
      return ctx.error('unauthorized', 'The bearer token is missing, unknown or revoked.');
    if (key.environment !== 'test') {
      return ctx.error('forbidden', 'This key belongs to another environment than the one it was sent to.');
    }
    if (access === 'write' && !key.canWrite) {
      return ctx.error('insufficient_permissions', 'This key may read but not change authorizations.');
    }
    return handler(request, ctx, params, key);
  };
}

function findAuthorization(ctx: Ctx, id: string | undefined, key: ApiKey): PriorAuthorization | SimResponse {
  const found = id === undefined ? undefined : ctx.state.authorizations.get(id);
  if (!found)
    return ctx.error('prior_authorization_not_found', `No prior authorization ${id} is visible here.`);
  // Another organization's authorization is not visible to this one: the same 404 as an unknown id.
  if (found.orgId !== key.orgId)
    return ctx.error('prior_authorization_not_found', `No prior authorization ${id} is visible here.`);
  return found;
}

/** The authorization, or the error for a write it cannot take in its state. */
function writable(ctx: Ctx, id: string | undefined, key: ApiKey): PriorAuthorization | SimResponse {
  const found = findAuthorization(ctx, id, key);
  if (isResponse(found)) return found;
  if (TERMINAL.includes(found.status)) {
    return ctx.error(
      'prior_authorization_terminal',
      `The authorization is ${found.status}; it takes no more writes.`,
    );
  }
  return found;
}

function issue(path: string, message: string) {
  return { path, message };
}

function withBody(request: SimRequest, ctx: Ctx, then: (body: Record<string, unknown>) => SimResponse) {
  return withJsonBody(request, ctx, failure, then);
}

function createAuthorization(ctx: Ctx, body: Record<string, unknown>, key: ApiKey): SimResponse {
  const issues = ['providerNpi', 'payerId', 'state', 'serviceType', 'serviceCode']
    .filter((field) => typeof body[field] !== 'string' || body[field] === '')
    .map((field) => issue(`/${field}`, 'is required and must be a string'));
  const patient = body.patient as Record<string, unknown> | undefined;
  if (typeof patient !== 'object' || patient === null) issues.push(issue('/patient', 'is required'));
  else if (typeof patient.birthDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(patient.birthDate)) {
    issues.push(issue('/patient/birthDate', 'must be a date (YYYY-MM-DD)'));
  }
  if (issues.length) return ctx.error('request_validation_failed', 'Some fields are not valid.', { issues });
  const policy = body.policy as Record<string, unknown> | undefined;
  if (!policy || !['auto', 'review'].includes(String(policy.finalSubmission))) {
    return ctx.error(
      'final_submission_policy_required',
      'Say how the final submission happens: policy.finalSubmission is auto or review.',
    );
  }
  const npi = String(body.providerNpi);
  const payerId = String(body.payerId);
  if (!PROVIDERS[key.orgId]?.includes(npi))
    return ctx.error('provider_not_found', `Provider ${npi} is not registered to your organization.`);
  if (!PAYERS.includes(payerId))
    return ctx.error('payer_not_found', `Payer ${payerId} is not in the catalog.`);
  const routeKey = [npi, payerId, body.state, body.serviceType, body.serviceCode].join('|');
  const configured = SERVICE_ROUTES[routeKey];
  if (configured === undefined)
    return ctx.error('unsupported_route', 'No route serves this provider, payer, state and service.');
  if (!configured)
    return ctx.error(
      'provider_access_not_configured',
      'The route exists but provider access is not set up for it yet.',
    );
  const created = authorization(`pa_${randomBytes(8).toString('hex')}`, 'processing', {
    orgId: key.orgId,
    version: 1,
    providerNpi: npi,
    payerId,
    submission: { reviewSnapshot: null },
  });
  addCreated(ctx.state.authorizations, created.id, created);
  return ctx.json(201, created);
}

function patchAnswers(request: SimRequest, ctx: Ctx, id: string | undefined, key: ApiKey): SimResponse {
  return withBody(request, ctx, (body) => {
    const found = writable(ctx, id, key);
    if (isResponse(found)) return found;
    const ifMatch = request.headers['if-match'];
    const version = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch?.trim() ?? '')?.[1];
    if (version === undefined)
      return ctx.error('bad_request', 'If-Match must carry the version being changed, such as "3".');
    if (found.status !== 'requires_action') {
      return ctx.error(
        'prior_authorization_not_mutable',
        `An authorization that is ${found.status} cannot be edited.`,
      );
    }
    if (Number(version) !== found.version) {
      return ctx.error('version_conflict', 'The If-Match version is not the current one.', {
        details: { expectedVersion: Number(version), actualVersion: found.version },
      });
    }
    const answers = Array.isArray(body.answers) ? (body.answers as Record<string, unknown>[]) : [];
    const issues = answers.flatMap((answer, index) => {
      const question = found.requirements.questions.find((q) => q.linkId === answer?.linkId);
      if (!question)
        return [{ linkId: String(answer?.linkId), path: `/answers/${index}`, message: 'no such question' }];
      if (typeof answer.value !== question.type)
        return [
          { linkId: question.linkId, path: `/answers/${index}/value`, message: `must be a ${question.type}` },
        ];
      return [];
    });
    if (issues.length || answers.length === 0) {
      return ctx.error('invalid_answers', 'Some answers do not fit their questions.', {
        issues: issues.length ? issues : [{ path: '/answers', message: 'at least one answer is needed' }],
      });
    }
    for (const answer of answers) {
      const question = found.requirements.questions.find((q) => q.linkId === answer.linkId);
      if (question) question.answer = answer.value;
    }
    found.version++;
    return ctx.json(200, found);
  });
}

function confirm(request: SimRequest, ctx: Ctx, id: string | undefined, key: ApiKey): SimResponse {
  return withBody(request, ctx, (body) => {
    const found = writable(ctx, id, key);
    if (isResponse(found)) return found;
    if (found.status === 'waiting_on_payer') {
      return ctx.error(
        'prior_authorization_not_actionable',
        'The payer has the next move; there is nothing to confirm.',
      );
    }
    if (!found.nextAction)
      return ctx.error('next_action_required', 'No action is waiting on you; read the authorization.');
    if (found.nextAction.resolution.kind !== 'confirm') {
      return ctx.error(
        'next_action_not_confirmable',
        `The current action (${found.nextAction.type}) is not resolved by confirming.`,
      );
    }
    if (found.requirements.documents.some((d) => !d.satisfied)) {
      return ctx.error(
        'requirements_not_satisfied',
        'Some requirements are still open; answer them or attach files.',
      );
    }
    if (body.reviewSnapshotId !== found.submission.reviewSnapshot?.id) {
      return ctx.error('review_stale', 'The review snapshot you approved is no longer the current one.');
    }
    Object.assign(found, { status: 'processing', nextAction: null, version: found.version + 1 });
    return ctx.json(200, found);
  });
}

function attach(request: SimRequest, ctx: Ctx, id: string | undefined, key: ApiKey): SimResponse {
  return withBody(request, ctx, (body) => {
    const found = writable(ctx, id, key);
    if (isResponse(found)) return found;
    const file = ctx.state.files.get(String(body.fileId));
    if (!file || file.orgId !== key.orgId)
      return ctx.error('file_not_found', `No file ${String(body.fileId)} is visible here.`);
    if (file.status !== 'ready')
      return ctx.error('file_not_ready', 'Finish uploading the file before attaching it.');
    if (file.purpose !== 'authorization_attachment')
      return ctx.error('file_not_usable', 'Only ready files made for attachments can be attached.');
    const types = body.documentTypes;
    if (!Array.isArray(types) || types.length === 0 || !types.every((t) => typeof t === 'string')) {
      return ctx.error('request_validation_failed', 'Name what the file is.', {
        issues: [issue('/documentTypes', 'needs at least one document type')],
      });
    }
    found.attachments.push({ fileId: file.id, documentTypes: types as string[] });
    for (const requirement of found.requirements.documents) {
      if ((types as string[]).includes(requirement.documentType)) requirement.satisfied = true;
    }
    found.version++;
    return ctx.json(201, { authorizationId: found.id, fileId: file.id, documentTypes: types });
  });
}

const authorizationRoutes = [
  route<State>(
    'GET',
    '/v1/prior-authorizations',
    authed('read', (_r, ctx, _p, key) =>
      ctx.json(200, { data: [...ctx.state.authorizations.values()].filter((a) => a.orgId === key.orgId) }),
    ),
  ),
  route<State>(
    'POST',
    '/v1/prior-authorizations',
    authed('write', (request, ctx, _p, key) =>
      withBody(request, ctx, (body) => createAuthorization(ctx, body, key)),
    ),
  ),
  route<State>(
    'GET',
    '/v1/prior-authorizations/:id',
    authed('read', (_r, ctx, params, key) => {
      const found = findAuthorization(ctx, params.id, key);
      return isResponse(found) ? found : ctx.json(200, found, { etag: `"${found.version}"` });
    }),
  ),
  route<State>(
    'PATCH',
    '/v1/prior-authorizations/:id',
    authed('write', (request, ctx, params, key) => patchAnswers(request, ctx, params.id, key)),
  ),
  route<State>(
    'POST',
    '/v1/prior-authorizations/:id/confirm',
    authed('write', (request, ctx, params, key) => confirm(request, ctx, params.id, key)),
  ),
  route<State>(
    'POST',
    '/v1/prior-authorizations/:id/attachments',
    authed('write', (request, ctx, params, key) => attach(request, ctx, params.id, key)),
  ),
];

const fileRoutes = [
  route<State>(
    'POST',
    '/v1/files',
    authed('write', (request, ctx, _p, key) =>
      withBody(request, ctx, (body) => {
        const purpose = body.purpose;
        if (purpose !== 'authorization_attachment' && purpose !== 'export') {
          return ctx.error('request_validation_failed', 'The file needs a purpose.', {
            issues: [issue('/purpose', 'must be authorization_attachment or export')],
          });
        }
        const file: FileRecord = {
          id: `file_${randomBytes(8).toString('hex')}`,
          orgId: key.orgId,
          purpose,
          contentType: typeof body.contentType === 'string' ? body.contentType : 'application/pdf',
          status: 'pending',
        };
        addCreated(ctx.state.files, file.id, file);
        return ctx.json(201, { ...file, uploadPath: `/v1/files/${file.id}/content` });
      }),
    ),
  ),
  route<State>(
    'GET',
    '/v1/files/:id',
    authed('read', (_r, ctx, params, key) => {
      const file = ctx.state.files.get(params.id ?? '');
      if (!file || file.orgId !== key.orgId)
        return ctx.error('file_not_found', `No file ${params.id} is visible here.`);
      return ctx.json(200, file);
    }),
  ),
  route<State>(
    'PUT',
    '/v1/files/:id/content',
    authed('write', (request, ctx, params, key) => {
      const file = ctx.state.files.get(params.id ?? '');
      if (!file || file.orgId !== key.orgId)
        return ctx.error('file_not_found', `No file ${params.id} is visible here.`);
      if (file.contentType === 'application/pdf' && !bodyText(request).startsWith('%PDF-')) {
        return ctx.error('invalid_file_content', 'The content is not the PDF the file was declared as.', {
          issues: [issue('/content', 'does not start with a PDF header')],
        });
      }
      file.status = 'ready';
      return ctx.json(200, file);
    }),
  ),
];

const sessionRoutes = [
  route<State>(
    'GET',
    '/v1/prior-authorizations/:id/live-session',
    authed('read', (_r, ctx, params, key) => {
      const found = findAuthorization(ctx, params.id, key);
      if (isResponse(found)) return found;
      if (found.status !== 'processing')
        return ctx.error('live_session_not_available', 'No live session runs for this authorization now.');
      return ctx.json(200, { authorizationId: found.id, status: 'active', mode: 'read_only' });
    }),
  ),
  route<State>(
    'POST',
    '/v1/prior-authorizations/:id/live-session/grants',
    authed('write', (request, ctx, params, key) =>
      withBody(request, ctx, (body) => {
        const found = findAuthorization(ctx, params.id, key);
        if (isResponse(found)) return found;
        if (body.mode === 'interactive') {
          const active = [...ctx.state.handoffs.values()].some(
            (h) => h.authorizationId === found.id && h.status === 'active',
          );
          if (!active)
            return ctx.error(
              'interactive_grant_not_allowed',
              'Interactive access needs an active manual handoff.',
            );
        } else if (found.status !== 'processing') {
          return ctx.error(
            'live_session_not_available',
            'No live session can be granted now; poll the live session.',
          );
        }
        const grant: Grant = {
          id: `grant_${randomBytes(8).toString('hex')}`,
          authorizationId: found.id,
          expiresAt: ctx.clock.now() + GRANT_LIFETIME_MS,
          revoked: false,
        };
        addCreated(ctx.state.grants, grant.id, grant);
        return ctx.json(201, { grantId: grant.id, expiresAt: new Date(grant.expiresAt).toISOString() });
      }),
    ),
  ),
  route<State>(
    'GET',
    '/v1/access-grants/:grantId',
    authed('read', (_r, ctx, params) => {
      const grant = ctx.state.grants.get(params.grantId ?? '');
      if (grant?.revoked) return ctx.error('access_grant_revoked', 'This grant was withdrawn.');
      if (!grant || grant.expiresAt <= ctx.clock.now())
        return ctx.error('access_grant_expired', 'This grant is no longer valid; ask for a new one.');
      return ctx.json(200, {
        grantId: grant.id,
        authorizationId: grant.authorizationId,
        expiresAt: new Date(grant.expiresAt).toISOString(),
      });
    }),
  ),
  route<State>(
    'POST',
    '/v1/prior-authorizations/:id/manual-handoffs',
    authed('write', (_r, ctx, params, key) => {
      const found = writable(ctx, params.id, key);
      if (isResponse(found)) return found;
      if (found.nextAction?.type !== 'complete_payer_interaction') {
        return ctx.error(
          'manual_handoff_not_allowed',
          'A handoff is only for completing a payer interaction.',
        );
      }
      const handoff: Handoff = {
        id: `mh_${randomBytes(6).toString('hex')}`,
        authorizationId: found.id,
        status: 'requested',
        reviewSnapshotId: found.submission.reviewSnapshot?.id ?? '',
      };
      addCreated(ctx.state.handoffs, handoff.id, handoff);
      return ctx.json(201, handoff);
    }),
  ),
  route<State>(
    'POST',
    '/v1/prior-authorizations/:id/manual-handoffs/:handoffId/accept',
    authed('write', (request, ctx, params, key) =>
      withBody(request, ctx, (body) => {
        const found = writable(ctx, params.id, key);
        if (isResponse(found)) return found;
        const handoff = ctx.state.handoffs.get(params.handoffId ?? '');
        if (handoff?.status === 'closed')
          return ctx.error('manual_handoff_already_closed', 'The handoff is closed; read the authorization.');
        if (!handoff || handoff.authorizationId !== found.id || handoff.status !== 'active') {
          return ctx.error('manual_handoff_not_active', 'That handoff is not the active one; read it first.');
        }
        if (body.reviewSnapshotId !== handoff.reviewSnapshotId) {
          return ctx.error(
            'manual_handoff_review_approval_required',
            'Accepting needs the id of the review snapshot you approved.',
          );
        }
        handoff.status = 'closed';
        return ctx.json(200, handoff);
      }),
    ),
  ),
];

const routes = [...authorizationRoutes, ...fileRoutes, ...sessionRoutes];

const failure = failuresFromTable<State>({
  unknown_route: 'bad_request',
  malformed_json: 'bad_request',
  unsupported_media_type: 'bad_request',
  payload_too_large: 'payload_too_large',
  invalid_idempotency_key: 'bad_request',
  internal: 'workflow_backend_unavailable',
});

export const collate: VendorModel<State> = {
  id: 'collate',
  createState,
  credentials: () => {
    const bearer = (token: string) =>
      ({ kind: 'header', header: 'Authorization', value: `Bearer ${token}` }) as const;
    return {
      vendorId: 'collate',
      roles: {
        valid: bearer('col_test_full_R7v2'),
        readOnly: bearer('col_test_read_M3k8'),
        otherOrganisation: bearer('col_test_other_Q9d4'),
        revoked: bearer('col_test_revoked_J6n3'),
      },
      facts: {
        productionKey: 'col_live_full_T5w1',
        providerNpi: '1234567893',
        payerId: 'payer_northwind',
        unconfiguredProviderNpi: '1098765430',
        needsAnswersAuthorizationId: 'pa_needs_answers',
        needsAnswersVersion: '3',
        questionLinkId: 'prior_imaging',
        processingAuthorizationId: 'pa_processing',
        processingVersion: '3',
        waitingAuthorizationId: 'pa_waiting',
        terminalAuthorizationId: 'pa_approved',
        confirmableAuthorizationId: 'pa_ready',
        unsatisfiedAuthorizationId: 'pa_unsatisfied',
        reviewSnapshotId: 'rs_current',
        otherOrganisationAuthorizationId: 'pa_other_org',
        handoffAuthorizationId: 'pa_payer_call',
        requestedHandoffId: 'mh_requested',
        activeHandoffId: 'mh_active',
        closedHandoffId: 'mh_closed',
        pendingFileId: 'file_pending',
        exportFileId: 'file_export',
        liveGrantId: 'grant_live',
        expiredGrantId: 'grant_expired',
        revokedGrantId: 'grant_revoked',
        staleId: 'pa_unknown',
        maxBodyBytes: String(MAX_BODY_BYTES),
        unroutedServiceCpt: '99999',
        readyFileId: 'file_ready',
        staleVersion: '0',
        noLiveSessionAuthorizationId: 'pa_needs_answers',
        mutableField: 'patient.firstName',
        dateField: 'patient.birthDate',
        answerValueField: 'answers.0.value',
        reviewSnapshotField: 'reviewSnapshotId',
      },
    };
  },
  handle: (request, ctx) => dispatch(routes, request, ctx, failure),
  shapeError: ({ entry, message, extras }) => ({
    error: {
      code: entry.code,
      message,
      retryable: entry.retryable,
      details: typeof extras.details === 'object' && extras.details !== null ? extras.details : {},
      issues: extras.issues ?? [],
    },
  }),
  failure,
  maxBodyBytes: MAX_BODY_BYTES,
  countResources: (state) =>
    state.authorizations.size + state.files.size + state.handoffs.size + state.grants.size,
};
