import { randomBytes } from 'node:crypto';
import { addCreated } from '../../bounded-store.js';
import { isResponse, route } from '../../routing.js';
import type { SimRequest, SimResponse } from '../../types.js';
import { authed, findAuthorization, issue, withBody, writable } from './access.js';
import { authorization, PAYERS, PROVIDERS, SERVICE_ROUTES } from './seed.js';
import type { ApiKey, Ctx, State } from './state.js';

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

export const authorizationRoutes = [
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
