/**
 * Collate, written from its error page alone (a bearer-token prior-authorization API whose every
 * typed error is `{ error: { code, message, retryable, details, issues }, requestId }`).
 *
 * Readings chosen where the page leaves room (each differs from the project's simulator on purpose):
 * | question the docs leave open            | reading here                                              |
 * |-----------------------------------------|-----------------------------------------------------------|
 * | routes                                  | `/collate/v2/authorizations/{authorizationId}/...`,       |
 * |                                         | `/collate/v2/files/{fileId}`, `/collate/v2/access-grants/...` |
 * | ids                                     | UUIDs, new on every start                                 |
 * | requestId form ("req_123" is an example)| a bare UUID                                               |
 * | bearer token form                       | `clt_sandbox_<random>`                                    |
 * | another organisation's authorization   | 404 prior_authorization_not_found ("not visible")         |
 * | 403 forbidden                           | a production key used against the sandbox                 |
 * | replay of a create (same key and body)  | 200 (not 201) with the original resource and              |
 * |                                         | `Idempotent-Replayed: true`                               |
 * | upload size limit (none documented)     | 8 MiB, judged from Content-Length before reading          |
 * | workflow_backend_unavailable            | reads of one magic authorization, with Retry-After: 2     |
 * | channel_session_lost                    | a magic grant whose payer channel is gone, every time     |
 * | rate limits                             | none (none documented), no rate-limit headers             |
 */

import { headerCredentials } from '../../kit/credentials.js';
import { json, type Outgoing, parseJsonBody } from '../../kit/http.js';
import { fingerprintOf, IdempotencyKeys } from '../../kit/idempotency.js';
import { secret, uuid } from '../../kit/ids.js';
import { findRoute, operationsOf, type Route } from '../../kit/router.js';
import type { IndependentVendor, VendorContext } from '../../types.js';
import type { BugId } from './bugs.js';

/** Statuses straight from the page's table. */
const STATUS: Record<string, number> = {
  bad_request: 400,
  final_submission_policy_required: 400,
  unauthorized: 401,
  forbidden: 403,
  insufficient_permissions: 403,
  prior_authorization_not_found: 404,
  provider_not_found: 404,
  payer_not_found: 404,
  file_not_found: 404,
  access_grant_expired: 404,
  access_grant_revoked: 404,
  channel_session_lost: 404,
  unsupported_route: 409,
  provider_access_not_configured: 409,
  idempotency_key_reused: 409,
  version_conflict: 409,
  prior_authorization_not_mutable: 409,
  prior_authorization_not_actionable: 409,
  prior_authorization_terminal: 409,
  next_action_required: 409,
  next_action_not_confirmable: 409,
  requirements_not_satisfied: 409,
  review_stale: 409,
  file_not_ready: 409,
  file_not_usable: 409,
  manual_handoff_not_allowed: 409,
  manual_handoff_not_active: 409,
  manual_handoff_already_closed: 409,
  manual_handoff_review_approval_required: 409,
  live_session_not_available: 409,
  interactive_grant_not_allowed: 409,
  payload_too_large: 413,
  request_validation_failed: 422,
  invalid_answers: 422,
  invalid_file_content: 422,
  workflow_backend_unavailable: 503,
};
const RETRYABLE = new Set(['workflow_backend_unavailable']);
const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
const PREFIX = '/collate/v2';

type Status = 'requires_action' | 'processing' | 'waiting_on_payer' | 'approved';
type NextAction = { type: string; resolution: { kind: 'confirm' | 'write' | 'handoff' } } | null;
interface Authorization {
  id: string;
  organization: string;
  status: Status;
  nextAction: NextAction;
  version: number;
  reviewSnapshotId?: string;
  missingDocuments?: string[];
  handoffs: Map<string, 'requested' | 'active' | 'closed'>;
  body?: unknown;
}
interface FileRecord {
  id: string;
  organization: string;
  purpose: 'authorization_attachment' | 'export';
  state: 'pending' | 'ready';
}
type Grant = 'live' | 'expired' | 'revoked' | 'channel_lost';
interface Key {
  organization: string;
  access: 'write' | 'read';
  state: 'active' | 'revoked' | 'expired' | 'other_environment';
}
interface Ctx {
  key: Key;
  principal: string;
}

export function createVendor({ bugs }: VendorContext): IndependentVendor {
  const has = (bug: BugId) => bugs.has(bug);
  const ORG = `org_${secret(6)}`;
  const OTHER_ORG = `org_${secret(6)}`;
  const token = () => `clt_sandbox_${secret()}`;
  const keys = new Map<string, Key>();
  const roleTokens = {
    valid: token(),
    readOnly: token(),
    otherOrganisation: token(),
    revoked: token(),
    expired: token(),
    production: `clt_live_${secret()}`,
  };
  keys.set(roleTokens.valid, { organization: ORG, access: 'write', state: 'active' });
  keys.set(roleTokens.readOnly, { organization: ORG, access: 'read', state: 'active' });
  keys.set(roleTokens.otherOrganisation, { organization: OTHER_ORG, access: 'write', state: 'active' });
  keys.set(roleTokens.revoked, { organization: ORG, access: 'write', state: 'revoked' });
  keys.set(roleTokens.expired, { organization: ORG, access: 'write', state: 'expired' });
  keys.set(roleTokens.production, { organization: ORG, access: 'write', state: 'other_environment' });

  const ids = {
    needsAnswers: uuid(),
    processing: uuid(),
    waitingOnPayer: uuid(),
    approved: uuid(),
    unsatisfied: uuid(),
    readyForReview: uuid(),
    payerInteraction: uuid(),
    otherOrganisation: uuid(),
    backendDown: uuid(),
    currentSnapshot: uuid(),
    oldSnapshot: uuid(),
    handoffRequested: uuid(),
    handoffActive: uuid(),
    handoffClosed: uuid(),
    filePending: uuid(),
    fileExport: uuid(),
    fileReady: uuid(),
    grantLive: uuid(),
    grantExpired: uuid(),
    grantRevoked: uuid(),
    grantChannelLost: uuid(),
  };
  const QUESTION = 'q-prior-imaging-done';
  const catalog = {
    providerNpi: '1457390021',
    providerWithoutAccessNpi: '1629071133',
    unregisteredProviderNpi: '1881690075',
    payerId: 'PYR-00017',
    unknownPayerId: 'PYR-99999',
    serviceCode: '72148',
    unsupportedServiceCode: 'A9270',
  };

  const authorizations = new Map<string, Authorization>();
  const seed = (id: string, status: Status, nextAction: NextAction, more: Partial<Authorization> = {}) =>
    authorizations.set(id, {
      id,
      organization: ORG,
      status,
      nextAction,
      version: 3,
      handoffs: new Map(),
      ...more,
    });
  seed(ids.needsAnswers, 'requires_action', { type: 'resolve_requirements', resolution: { kind: 'write' } });
  seed(ids.processing, 'processing', null, { version: 7 });
  seed(ids.waitingOnPayer, 'waiting_on_payer', null);
  seed(ids.approved, 'approved', null);
  seed(
    ids.unsatisfied,
    'requires_action',
    { type: 'approve_submission', resolution: { kind: 'confirm' } },
    { reviewSnapshotId: ids.currentSnapshot, missingDocuments: ['clinical_notes'] },
  );
  seed(
    ids.readyForReview,
    'requires_action',
    { type: 'approve_submission', resolution: { kind: 'confirm' } },
    { reviewSnapshotId: ids.currentSnapshot },
  );
  seed(
    ids.payerInteraction,
    'requires_action',
    { type: 'complete_payer_interaction', resolution: { kind: 'handoff' } },
    {
      reviewSnapshotId: ids.currentSnapshot,
      handoffs: new Map([
        [ids.handoffRequested, 'requested'],
        [ids.handoffActive, 'active'],
        [ids.handoffClosed, 'closed'],
      ]),
    },
  );
  seed(ids.otherOrganisation, 'processing', null, { organization: OTHER_ORG });
  seed(ids.backendDown, 'processing', null);

  const files = new Map<string, FileRecord>([
    [
      ids.filePending,
      { id: ids.filePending, organization: ORG, purpose: 'authorization_attachment', state: 'pending' },
    ],
    [ids.fileExport, { id: ids.fileExport, organization: ORG, purpose: 'export', state: 'ready' }],
    [
      ids.fileReady,
      { id: ids.fileReady, organization: ORG, purpose: 'authorization_attachment', state: 'ready' },
    ],
  ]);
  const grants = new Map<string, Grant>([
    [ids.grantLive, 'live'],
    [ids.grantExpired, 'expired'],
    [ids.grantRevoked, 'revoked'],
    [ids.grantChannelLost, 'channel_lost'],
  ]);
  const idempotency = new IdempotencyKeys();
  /** The codes of the 422 row whose field issues the bug drops. */
  const FIELD_ISSUE_CODES = new Set(['request_validation_failed', 'invalid_answers']);

  const fail = (
    code: string,
    message: string,
    more: { details?: object; issues?: object[] } = {},
  ): Outgoing => {
    const status = code === 'review_stale' && has('collate.review-stale-400') ? 400 : (STATUS[code] ?? 500);
    const error: Record<string, unknown> = {
      ...(has('collate.error-code-missing') ? { type: code } : { code }),
      message,
      retryable: RETRYABLE.has(code),
      details: more.details ?? {},
      issues:
        FIELD_ISSUE_CODES.has(code) && has('collate.validation-issues-empty') ? [] : (more.issues ?? []),
    };
    const headers: Record<string, string> =
      code === 'workflow_backend_unavailable' ? { 'retry-after': '2' } : {};
    return json(
      status,
      { error, ...(has('collate.request-id-missing') ? {} : { requestId: uuid() }) },
      headers,
    );
  };

  const view = (a: Authorization) => ({
    id: a.id,
    status: a.status,
    nextAction: a.nextAction,
    version: a.version,
    submission: a.reviewSnapshotId ? { reviewSnapshot: { id: a.reviewSnapshotId } } : {},
    requirements: {
      questions: a.status === 'requires_action' ? [{ linkId: QUESTION, type: 'boolean' }] : [],
      documents: (a.missingDocuments ?? []).map((documentType) => ({ documentType, satisfied: false })),
      issues: [],
    },
  });

  /** The authorization if this organization may see it; another's is as unknown as a missing one. */
  const visible = (id: string | undefined, ctx: Ctx): Authorization | Outgoing => {
    const found = id === undefined ? undefined : authorizations.get(id);
    if (!found || found.organization !== ctx.key.organization)
      return fail(
        'prior_authorization_not_found',
        'No authorization with that id is visible to this organization.',
      );
    if (found.id === ids.backendDown)
      return fail(
        'workflow_backend_unavailable',
        'The orchestration backend cannot be reached; try again later.',
      );
    return found;
  };
  const isAnswer = (value: Authorization | Outgoing): value is Outgoing => !('organization' in value);
  const writable = (ctx: Ctx): Outgoing | undefined =>
    ctx.key.access === 'write' ? undefined : fail('insufficient_permissions', 'This key may only read.');
  const terminal = (a: Authorization): Outgoing | undefined =>
    a.status === 'approved'
      ? fail('prior_authorization_terminal', 'The authorization is decided; it takes no more writes.')
      : undefined;

  /** The JSON object a write sends, or the bad_request that answers anything else. */
  const body = (raw: Buffer): { input: Record<string, unknown> } | { answer: Outgoing } => {
    const parsed = parseJsonBody(raw);
    if (!parsed.ok) return { answer: fail('bad_request', 'The body is not JSON.') };
    const value = parsed.value ?? {};
    if (!isObject(value)) return { answer: fail('bad_request', 'The body must be a JSON object.') };
    return { input: value };
  };
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

  function createAuthorization(input: Record<string, unknown>, raw: Buffer, ctx: Ctx): Outgoing {
    const policy = input.policy;
    if (!isObject(policy) || policy.finalSubmission === undefined)
      return fail('final_submission_policy_required', 'policy.finalSubmission must be given on create.');
    const issues: object[] = [];
    const patient = isObject(input.patient) ? input.patient : {};
    for (const member of ['firstName', 'lastName'])
      if (typeof patient[member] !== 'string')
        issues.push({ path: `patient.${member}`, message: 'required' });
    if (typeof patient.birthDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(patient.birthDate))
      issues.push({ path: 'patient.birthDate', message: 'must be a date written YYYY-MM-DD' });
    for (const member of ['providerNpi', 'payerId', 'serviceCode'])
      if (typeof input[member] !== 'string') issues.push({ path: member, message: 'required' });
    if (issues.length > 0)
      return fail('request_validation_failed', 'The request has invalid fields.', { issues });
    if (input.providerNpi !== catalog.providerNpi && input.providerNpi !== catalog.providerWithoutAccessNpi)
      return fail('provider_not_found', 'That provider NPI is not registered to this organization.');
    if (input.payerId !== catalog.payerId)
      return fail('payer_not_found', 'That payer is not in the catalog.');
    if (input.serviceCode !== catalog.serviceCode)
      return fail('unsupported_route', 'No route serves this provider, payer, state and service.');
    if (input.providerNpi === catalog.providerWithoutAccessNpi)
      return fail(
        'provider_access_not_configured',
        'Collate has no provider access configured for this route.',
      );
    const id = uuid();
    authorizations.set(id, {
      id,
      organization: ctx.key.organization,
      status: 'processing',
      nextAction: null,
      version: 1,
      handoffs: new Map(),
      body: raw.toString('utf8'),
    });
    const created = authorizations.get(id) as Authorization;
    return json(201, view(created));
  }

  const versionOf = (ifMatch: string | undefined): number | 'absent' | 'invalid' => {
    if (ifMatch === undefined) return 'absent';
    const match = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
    return match ? Number(match[1]) : 'invalid';
  };

  const confirmable = (a: Authorization): Outgoing | undefined => {
    if (a.status === 'waiting_on_payer')
      return fail(
        'prior_authorization_not_actionable',
        'The payer has the next move; there is nothing to act on.',
      );
    if (!a.nextAction) return fail('next_action_required', 'No action is waiting on the customer.');
    return undefined;
  };

  /**
   * The authorization a write goes to and the JSON body it sends, once the key may write to it and
   * `check` (the write's own state rule, judged before the body) has no objection; or the refusal.
   */
  const writeTo = (
    id: string | undefined,
    ctx: Ctx,
    raw: Buffer,
    check: (a: Authorization) => Outgoing | undefined = () => undefined,
  ): { a: Authorization; input: Record<string, unknown> } | { answer: Outgoing } => {
    const a = visible(id, ctx);
    if (isAnswer(a)) return { answer: a };
    const denied = writable(ctx) ?? terminal(a) ?? check(a);
    if (denied) return { answer: denied };
    const parsed = body(raw);
    return 'answer' in parsed ? parsed : { a, input: parsed.input };
  };

  const routes: Route<Ctx>[] = [
    {
      operation: 'listAuthorizations',
      method: 'GET',
      template: `${PREFIX}/authorizations`,
      handle: (_r, _p, ctx) =>
        json(200, {
          data: [...authorizations.values()]
            .filter((a) => a.organization === ctx.key.organization && a.id !== ids.backendDown)
            .map(view),
        }),
    },
    {
      operation: 'createAuthorization',
      method: 'POST',
      template: `${PREFIX}/authorizations`,
      handle: (request, _p, ctx) => {
        const denied = writable(ctx);
        if (denied) return denied;
        const parsed = body(request.body);
        if ('answer' in parsed) return parsed.answer;
        const { input } = parsed;
        const key = request.headers['idempotency-key'];
        if (key === undefined) return createAuthorization(input, request.body, ctx);
        const fingerprint = fingerprintOf(request.method, request.path, request.body);
        const seen = idempotency.get(ctx.principal, key);
        if (seen?.state === 'done') {
          if (seen.fingerprint !== fingerprint)
            return fail('idempotency_key_reused', 'This key was used with another body.');
          if (has('collate.replay-creates-duplicate')) return createAuthorization(input, request.body, ctx);
          return {
            ...seen.answer,
            status: seen.answer.status === 201 ? 200 : seen.answer.status,
            headers: { ...seen.answer.headers, 'idempotent-replayed': 'true' },
          };
        }
        const answer = createAuthorization(input, request.body, ctx);
        if (answer.status < 300) idempotency.set(ctx.principal, key, { state: 'done', fingerprint, answer });
        return answer;
      },
    },
    {
      operation: 'getAuthorization',
      method: 'GET',
      template: `${PREFIX}/authorizations/{authorizationId}`,
      handle: (_r, params, ctx) => {
        const a = visible(params.authorizationId, ctx);
        return isAnswer(a) ? a : json(200, view(a), { etag: `"${a.version}"` });
      },
    },
    {
      operation: 'updateAuthorization',
      method: 'PATCH',
      template: `${PREFIX}/authorizations/{authorizationId}`,
      handle: (request, params, ctx) => {
        const version = versionOf(request.headers['if-match']);
        if (version === 'invalid' || version === 'absent')
          return fail('bad_request', 'If-Match must carry the authorization version.');
        const a = visible(params.authorizationId, ctx);
        if (isAnswer(a)) return a;
        const denied = writable(ctx) ?? terminal(a);
        if (denied) return denied;
        if (a.nextAction?.type !== 'resolve_requirements')
          return fail(
            'prior_authorization_not_mutable',
            'The authorization cannot be edited in its current state.',
          );
        if (version !== a.version)
          return fail('version_conflict', 'The If-Match version is not the current one.', {
            details: { expectedVersion: version, actualVersion: a.version },
          });
        const parsed = body(request.body);
        if ('answer' in parsed) return parsed.answer;
        const { input } = parsed;
        const answers = input.answers;
        if (!Array.isArray(answers))
          return fail('request_validation_failed', 'answers must be a list.', {
            issues: [{ path: 'answers', message: 'must be a list' }],
          });
        const issues = answers.flatMap((answer, index) =>
          isObject(answer) && answer.linkId === QUESTION && typeof answer.value !== 'boolean'
            ? [{ linkId: QUESTION, path: `answers[${index}].value`, message: 'must be true or false' }]
            : isObject(answer) && answer.linkId !== QUESTION
              ? [{ path: `answers[${index}].linkId`, message: 'is not a question of this authorization' }]
              : [],
        );
        if (issues.length > 0)
          return fail('invalid_answers', 'Some answers do not fit their questions.', { issues });
        a.version++;
        return json(200, view(a), { etag: `"${a.version}"` });
      },
    },
    {
      operation: 'confirmAuthorization',
      method: 'POST',
      template: `${PREFIX}/authorizations/{authorizationId}/confirm`,
      handle: (request, params, ctx) => {
        const write = writeTo(
          params.authorizationId,
          ctx,
          request.body,
          (a) =>
            confirmable(a) ??
            (a.nextAction?.resolution.kind === 'confirm'
              ? undefined
              : fail(
                  'next_action_not_confirmable',
                  `The current action, ${a.nextAction?.type}, is not resolved by confirming.`,
                )),
        );
        if ('answer' in write) return write.answer;
        const { a, input } = write;
        if (input.reviewSnapshotId !== a.reviewSnapshotId)
          return fail('review_stale', 'That review snapshot is not the current one.', {
            details: { currentReviewSnapshotId: a.reviewSnapshotId },
          });
        if ((a.missingDocuments ?? []).length > 0)
          return fail('requirements_not_satisfied', 'Some requirements are still open.', {
            details: { documents: a.missingDocuments },
          });
        a.status = 'processing';
        a.nextAction = null;
        a.version++;
        return json(200, view(a));
      },
    },
    {
      operation: 'attachFile',
      method: 'POST',
      template: `${PREFIX}/authorizations/{authorizationId}/attachments`,
      handle: (request, params, ctx) => {
        const write = writeTo(params.authorizationId, ctx, request.body);
        if ('answer' in write) return write.answer;
        const { a, input } = write;
        const { fileId, documentTypes } = input;
        const file = typeof fileId === 'string' ? files.get(fileId) : undefined;
        if (!file || file.organization !== ctx.key.organization)
          return fail('file_not_found', 'No file with that id is visible to this organization.');
        if (file.state !== 'ready') return fail('file_not_ready', 'The file upload is not complete.');
        if (file.purpose !== 'authorization_attachment')
          return fail('file_not_usable', 'Only authorization_attachment files can be attached.');
        if (!Array.isArray(documentTypes) || documentTypes.length === 0)
          return fail('request_validation_failed', 'documentTypes is required.', {
            issues: [{ path: 'documentTypes', message: 'required' }],
          });
        return json(201, { authorizationId: a.id, fileId: file.id, documentTypes });
      },
    },
    {
      operation: 'createManualHandoff',
      method: 'POST',
      template: `${PREFIX}/authorizations/{authorizationId}/manual-handoffs`,
      handle: (request, params, ctx) => {
        const write = writeTo(params.authorizationId, ctx, request.body, (a) =>
          a.nextAction?.type === 'complete_payer_interaction'
            ? undefined
            : fail('manual_handoff_not_allowed', 'A handoff is only for a payer interaction that is due.'),
        );
        if ('answer' in write) return write.answer;
        const { a } = write;
        const id = uuid();
        a.handoffs.set(id, 'requested');
        return json(201, { id, state: 'requested' });
      },
    },
    {
      operation: 'acceptManualHandoff',
      method: 'POST',
      template: `${PREFIX}/authorizations/{authorizationId}/manual-handoffs/{handoffId}/accept`,
      handle: (request, params, ctx) => {
        const write = writeTo(params.authorizationId, ctx, request.body, (a) => {
          const state = a.handoffs.get(params.handoffId ?? '');
          if (state === undefined)
            return fail('prior_authorization_not_found', 'No such handoff on this authorization.');
          if (state === 'closed') return fail('manual_handoff_already_closed', 'The handoff is closed.');
          if (state !== 'active') return fail('manual_handoff_not_active', 'The handoff is not active yet.');
          return undefined;
        });
        if ('answer' in write) return write.answer;
        const { a, input } = write;
        if (input.reviewSnapshotId !== a.reviewSnapshotId)
          return fail(
            'manual_handoff_review_approval_required',
            'Send the current accepted review snapshot id.',
          );
        return json(200, { id: params.handoffId, state: 'accepted' });
      },
    },
    {
      operation: 'getLiveSession',
      method: 'GET',
      template: `${PREFIX}/authorizations/{authorizationId}/live-session`,
      handle: (_r, params, ctx) => {
        const a = visible(params.authorizationId, ctx);
        if (isAnswer(a)) return a;
        if (a.status !== 'processing')
          return fail('live_session_not_available', 'No read-only live session can be granted now.');
        return json(200, { authorizationId: a.id, mode: 'read_only', available: true });
      },
    },
    {
      operation: 'createLiveSessionGrant',
      method: 'POST',
      template: `${PREFIX}/authorizations/{authorizationId}/live-session/grants`,
      handle: (request, params, ctx) => {
        const write = writeTo(params.authorizationId, ctx, request.body);
        if ('answer' in write) return write.answer;
        const { a, input } = write;
        const active = [...a.handoffs.values()].includes('active');
        if (input.mode === 'interactive' && !active)
          return fail('interactive_grant_not_allowed', 'Interactive grants need an active manual handoff.');
        if (input.mode !== 'interactive' && a.status !== 'processing')
          return fail('live_session_not_available', 'No read-only live session can be granted now.');
        const id = uuid();
        grants.set(id, 'live');
        return json(201, { id });
      },
    },
    {
      operation: 'getAccessGrant',
      method: 'GET',
      template: `${PREFIX}/access-grants/{grantId}`,
      handle: (_r, params) => {
        const grant = grants.get(params.grantId ?? '');
        if (grant === 'expired') return fail('access_grant_expired', 'The grant is past its lifetime.');
        if (grant === 'revoked') return fail('access_grant_revoked', 'The grant was withdrawn.');
        if (grant === 'channel_lost')
          return fail('channel_session_lost', 'The payer channel session behind this grant is gone.');
        if (grant === 'live') return json(200, { id: params.grantId, state: 'live' });
        return fail('access_grant_expired', 'No live grant has that id.');
      },
    },
    {
      operation: 'getFile',
      method: 'GET',
      template: `${PREFIX}/files/{fileId}`,
      handle: (_r, params, ctx) => {
        const file = files.get(params.fileId ?? '');
        if (!file || file.organization !== ctx.key.organization)
          return fail('file_not_found', 'No file with that id is visible to this organization.');
        return json(200, file);
      },
    },
    {
      operation: 'uploadFileContent',
      method: 'PUT',
      template: `${PREFIX}/files/{fileId}/content`,
      handle: (request, params, ctx) => {
        const denied = writable(ctx);
        if (denied) return denied;
        const file = files.get(params.fileId ?? '');
        if (!file || file.organization !== ctx.key.organization)
          return fail('file_not_found', 'No file with that id is visible to this organization.');
        const type = request.headers['content-type'] ?? '';
        if (/^application\/pdf/i.test(type) && !request.body.subarray(0, 5).equals(Buffer.from('%PDF-')))
          return fail('invalid_file_content', 'The content is not a PDF document.', {
            issues: [{ path: 'content', message: 'not a PDF' }],
          });
        file.state = 'ready';
        return json(200, file);
      },
    },
  ];

  const authenticate = (headers: Readonly<Record<string, string>>): Ctx | Outgoing => {
    const header = headers.authorization ?? '';
    const presented = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const key = presented === undefined ? undefined : keys.get(presented);
    if (!key || key.state === 'revoked' || key.state === 'expired' || presented === undefined)
      return fail('unauthorized', 'The bearer token is missing, unknown, expired or revoked.');
    if (key.state === 'other_environment')
      return fail('forbidden', 'This key has no access to the sandbox environment.');
    // A key of another organization is valid; what it cannot see is answered as not found.
    return { key, principal: presented };
  };

  return {
    handler: {
      beforeBody(request, declared) {
        const match = findRoute(routes, request.method, request.path);
        if (
          match !== undefined &&
          match.route.operation === 'uploadFileContent' &&
          (declared ?? 0) > MAX_UPLOAD_BYTES
        )
          return fail('payload_too_large', `Uploads are limited to ${MAX_UPLOAD_BYTES} bytes.`);
        return undefined;
      },
      handle(request) {
        const ctx = authenticate(request.headers);
        if ('status' in ctx) return ctx;
        const match = findRoute(routes, request.method, request.path);
        if (!match) return fail('prior_authorization_not_found', 'No such resource.');
        return match.route.handle(request, match.params, ctx);
      },
    },
    describe: (baseUrl) => ({
      baseUrl,
      operations: operationsOf(routes as Route<unknown>[]),
      credentials: headerCredentials(
        'Authorization',
        {
          valid: roleTokens.valid,
          readOnly: roleTokens.readOnly,
          otherOrganisation: roleTokens.otherOrganisation,
          revoked: roleTokens.revoked,
          expired: roleTokens.expired,
        },
        (token) => `Bearer ${token}`,
      ),
      facts: {
        authorizationId: ids.needsAnswers,
        authorizationVersion: '3',
        processingVersion: '7',
        bytesOverUploadLimit: String(MAX_UPLOAD_BYTES + 1),
        maxUploadBytes: String(MAX_UPLOAD_BYTES),
        staleAuthorizationVersion: '1',
        unknownAuthorizationId: uuid(),
        otherOrganizationAuthorizationId: ids.otherOrganisation,
        processingAuthorizationId: ids.processing,
        waitingOnPayerAuthorizationId: ids.waitingOnPayer,
        terminalAuthorizationId: ids.approved,
        unsatisfiedAuthorizationId: ids.unsatisfied,
        reviewReadyAuthorizationId: ids.readyForReview,
        payerInteractionAuthorizationId: ids.payerInteraction,
        currentReviewSnapshotId: ids.currentSnapshot,
        staleReviewSnapshotId: ids.oldSnapshot,
        requestedHandoffId: ids.handoffRequested,
        activeHandoffId: ids.handoffActive,
        closedHandoffId: ids.handoffClosed,
        booleanQuestionLinkId: QUESTION,
        pendingFileId: ids.filePending,
        exportFileId: ids.fileExport,
        readyFileId: ids.fileReady,
        unknownFileId: uuid(),
        liveGrantId: ids.grantLive,
        expiredGrantId: ids.grantExpired,
        revokedGrantId: ids.grantRevoked,
        channelLostGrantId: ids.grantChannelLost,
        backendDownAuthorizationId: ids.backendDown,
        productionKey: roleTokens.production,
        ...catalog,
      },
      magic: [
        {
          fact: 'backendDownAuthorizationId',
          operation: 'getAuthorization',
          provokes: 'workflow_backend_unavailable',
          status: 503,
        },
      ],
      limits: { maxUploadBytes: MAX_UPLOAD_BYTES },
    }),
  };
}
