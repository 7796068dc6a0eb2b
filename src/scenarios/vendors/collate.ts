import { credentialSent, fact, natural, viaFault } from '../data.js';
import type {
  BodyDerivation,
  DocumentedPromise,
  Scenario,
  ScenarioRequest,
  VendorScenarios,
} from '../types.js';

/** The reference create body; facts name the sandbox's own provider and payer. */
const newAuthorization = {
  providerNpi: fact('providerNpi'),
  payerId: fact('payerId'),
  state: fact('serviceState'),
  serviceType: fact('serviceType'),
  serviceCode: fact('serviceCpt'),
  patient: { firstName: 'Test', lastName: 'Patient', birthDate: '1980-04-03' },
  policy: { finalSubmission: 'review' },
};
/** The simulator's reading of an upload limit Collate does not document (policy payloadLimit). */
const INFERRED_UPLOAD_LIMIT = 10 * 1024 * 1024;
const createWith = (body: BodyDerivation, more: Partial<ScenarioRequest> = {}): ScenarioRequest => ({
  operation: 'authorizations',
  body,
  ...more,
});
const create = (code: string, title: string, body: BodyDerivation) => natural(code, title, createWith(body));
const on = (operation: string, id: string, more: Partial<ScenarioRequest> = {}): ScenarioRequest => ({
  operation,
  params: { id: fact(id) },
  ...more,
});
const accept = (handoff: string, body: BodyDerivation): ScenarioRequest => ({
  operation: 'acceptHandoff',
  params: { id: fact('handoffAuthorizationId'), handoffId: fact(handoff) },
  body,
});
const update = (id: string, ifMatch: string, body: BodyDerivation = {}) =>
  on('updateAuthorization', id, { headers: { 'If-Match': ifMatch }, body });
const confirm = (id: string, body: BodyDerivation = {}) => on('confirm', id, { body });
const attach = (file: string) =>
  on('attachments', 'needsAnswersAuthorizationId', { body: { withFacts: { readyFileId: fact(file) } } });
/** The documented single-record read: an authorization of the valid key's organisation. */
const readAuthorization = on('authorization', 'needsAnswersAuthorizationId');

/** The 422 row of the error table promises field-level issues for its validation codes. */
const FIELD_ISSUES: DocumentedPromise = {
  kind: 'fieldDetails',
  quote: 'Fix the field-specific validation issues.',
};

const documentedScenarios: Scenario[] = [
  natural(
    'bad_request',
    'an If-Match that is not a version',
    update('needsAnswersAuthorizationId', 'latest'),
  ),
  create('final_submission_policy_required', 'a create without policy.finalSubmission (as documented)', {
    omit: ['policy.finalSubmission'],
  }),
  natural('unauthorized', 'a revoked token', { ...readAuthorization, role: 'revoked' }),
  natural('forbidden', 'a key of another environment', {
    ...readAuthorization,
    role: 'none',
    headers: credentialSent('collate', fact('productionKey')),
  }),
  natural('insufficient_permissions', 'a read-only key cannot create', createWith({}, { role: 'readOnly' })),
  natural('prior_authorization_not_found', 'a stale authorization id', on('authorization', 'staleId')),
  create('provider_not_found', 'a provider outside the organization', {
    withFacts: { providerNpi: fact('unregisteredProviderNpi') },
  }),
  create('payer_not_found', 'a payer missing from the catalog', {
    withFacts: { payerId: 'payer_unknown_{{unique}}' },
  }),
  natural('file_not_found', 'a stale file id', on('file', 'staleId')),
  natural('access_grant_expired', 'a grant past its lifetime', on('accessGrant', 'expiredGrantId')),
  natural('access_grant_revoked', 'a withdrawn grant', on('accessGrant', 'revokedGrantId')),
  viaFault('channel_session_lost', 'the payer channel session went away', on('accessGrant', 'liveGrantId')),
  create('unsupported_route', 'a service no route covers', {
    withFacts: { serviceCpt: fact('unroutedServiceCpt') },
  }),
  create('provider_access_not_configured', 'a route without provider access', {
    withFacts: { providerNpi: fact('unconfiguredProviderNpi') },
  }),
  natural(
    'idempotency_key_reused',
    'the same create key with another body',
    createWith({ change: fact('mutableField') }, { headers: { 'Idempotency-Key': 'create-{{unique}}' } }),
    { setup: [createWith({}, { headers: { 'Idempotency-Key': 'create-{{unique}}' } })] },
  ),
  natural(
    'version_conflict',
    'an edit against an old version',
    update('needsAnswersAuthorizationId', `"${fact('staleVersion')}"`),
  ),
  natural(
    'prior_authorization_not_mutable',
    'an edit while Collate is processing',
    update('processingAuthorizationId', `"${fact('processingVersion')}"`),
  ),
  natural(
    'prior_authorization_not_actionable',
    'a confirm while the payer has the move',
    confirm('waitingAuthorizationId'),
  ),
  natural(
    'prior_authorization_terminal',
    'a write to an approved authorization',
    confirm('terminalAuthorizationId'),
  ),
  natural('next_action_required', 'a confirm with no action waiting', confirm('processingAuthorizationId')),
  natural(
    'next_action_not_confirmable',
    'a confirm of resolve_requirements',
    confirm('needsAnswersAuthorizationId'),
  ),
  natural(
    'requirements_not_satisfied',
    'a submission with a requirement still open',
    on('submit', 'unsatisfiedAuthorizationId', { body: {} }),
  ),
  natural(
    'review_stale',
    'a confirm of an old review snapshot',
    confirm('confirmableAuthorizationId', { withFacts: { reviewSnapshotId: 'rs_stale_{{unique}}' } }),
  ),
  natural('file_not_ready', 'attaching a file still uploading', attach('pendingFileId')),
  natural('file_not_usable', 'attaching an export file', attach('exportFileId')),
  natural(
    'manual_handoff_not_allowed',
    'a handoff when no payer interaction is due',
    on('handoffs', 'needsAnswersAuthorizationId', { body: {} }),
  ),
  natural(
    'manual_handoff_not_active',
    'accepting a handoff not yet active',
    accept('requestedHandoffId', {}),
  ),
  natural('manual_handoff_already_closed', 'accepting a closed handoff', accept('closedHandoffId', {})),
  natural(
    'manual_handoff_review_approval_required',
    'accepting without the review snapshot',
    accept('activeHandoffId', { omit: [fact('reviewSnapshotField')] }),
  ),
  // "No read-only live session can be granted right now": provoked by asking for a read-only
  // grant. Whether the read of the live session answers 409 too the docs leave open; it is not sent.
  natural(
    'live_session_not_available',
    'a read-only live-session grant while none can be granted',
    on('readOnlyGrant', 'noLiveSessionAuthorizationId', { body: {} }),
  ),
  natural(
    'interactive_grant_not_allowed',
    'an interactive grant without a handoff',
    on('liveSessionGrants', 'processingAuthorizationId', { body: {} }),
  ),
  natural(
    'payload_too_large',
    'a file declared one byte over the upload limit',
    on('fileContent', 'pendingFileId', {
      // One byte over the catalog's inferred limit; a sandbox run sizes it from the documented
      // limit or the maxBodyBytes fact instead (see sizedForSandbox).
      streamedBytes: INFERRED_UPLOAD_LIMIT + 1,
      body: {},
    }),
  ),
  {
    ...create('request_validation_failed', 'a create with a malformed date', {
      set: { [fact('dateField')]: '04/03/1980' },
    }),
    promises: [FIELD_ISSUES],
  },
  {
    ...natural(
      'invalid_answers',
      'an answer of the wrong type',
      update('needsAnswersAuthorizationId', `"${fact('needsAnswersVersion')}"`, {
        set: { [fact('answerValueField')]: 'not-a-boolean' },
      }),
    ),
    promises: [FIELD_ISSUES],
  },
  natural(
    'invalid_file_content',
    'content that does not match its declared type',
    on('fileContent', 'pendingFileId', { raw: { contentType: 'application/pdf', text: 'plain text' } }),
  ),
  viaFault('workflow_backend_unavailable', 'the orchestration backend is down', readAuthorization),
];

export const scenarios: VendorScenarios = {
  vendorId: 'collate',
  operations: {
    authorizations: {
      about: 'create a prior authorization, with a body that succeeds',
      method: 'POST',
      path: '/v1/prior-authorizations',
      body: newAuthorization,
      idPointer: '/id',
    },
    authorization: {
      about: 'read one authorization {id}',
      method: 'GET',
      path: '{{operations.authorizations}}/{id}',
    },
    updateAuthorization: {
      about: 'update authorization {id} with If-Match: answer questionLinkId',
      method: 'PATCH',
      path: '{{operations.authorization}}',
      body: { answers: [{ linkId: fact('questionLinkId'), value: true }] },
    },
    submit: {
      about: 'submit what authorization {id} requires (reference: its confirm)',
      method: 'POST',
      path: '{{operations.confirm}}',
      body: { reviewSnapshotId: fact('reviewSnapshotId') },
    },
    confirm: {
      about: 'confirm the next action of authorization {id}',
      method: 'POST',
      path: '{{operations.authorization}}/confirm',
      body: { reviewSnapshotId: fact('reviewSnapshotId') },
    },
    attachments: {
      about: 'attach a file to authorization {id}',
      method: 'POST',
      path: '{{operations.authorization}}/attachments',
      body: { fileId: fact('readyFileId'), documentTypes: ['clinical_notes'] },
    },
    handoffs: {
      about: 'request a manual handoff on authorization {id}',
      method: 'POST',
      path: '{{operations.authorization}}/manual-handoffs',
    },
    acceptHandoff: {
      about: 'accept handoff {handoffId} of authorization {id} with the current review snapshot',
      method: 'POST',
      path: '{{operations.handoffs}}/{handoffId}/accept',
      body: { reviewSnapshotId: fact('reviewSnapshotId') },
    },
    liveSession: {
      about: 'read the live session of authorization {id}',
      method: 'GET',
      path: '{{operations.authorization}}/live-session',
    },
    readOnlyGrant: {
      about: 'ask for a read-only live-session grant on authorization {id}',
      method: 'POST',
      path: '{{operations.liveSession}}/grants',
      body: {},
    },
    liveSessionGrants: {
      about: 'ask for an interactive live-session grant on authorization {id}',
      method: 'POST',
      path: '{{operations.liveSession}}/grants',
      body: { mode: 'interactive' },
    },
    accessGrant: { about: 'read access grant {id}', method: 'GET', path: '/v1/access-grants/{id}' },
    file: { about: 'read file {id}', method: 'GET', path: '/v1/files/{id}' },
    fileContent: {
      about: 'upload the content of file {id}',
      method: 'PUT',
      path: '{{operations.file}}/content',
      contentType: 'application/pdf',
      body: '%PDF-1.7',
    },
  },
  facts: {
    providerNpi: { about: 'an NPI registered to the valid key’s organisation, with a configured route' },
    payerId: { about: 'a payer in the catalog that serves providerNpi' },
    serviceState: { about: 'the state of a route serving providerNpi and payerId', default: 'CA' },
    serviceType: { about: 'the service type of that route', default: 'imaging' },
    serviceCpt: { about: 'the service code of that route', default: '70551' },
    unregisteredProviderNpi: { about: 'an NPI not registered to the organisation', default: '1999999984' },
    unconfiguredProviderNpi: { about: 'an NPI of the organisation whose route has no provider access yet' },
    staleId: { about: 'an id no record has', default: 'missing_{{unique}}' },
    needsAnswersAuthorizationId: {
      about: 'an authorization requiring action: open questions (resolve_requirements)',
    },
    needsAnswersVersion: { about: 'the current version of needsAnswersAuthorizationId' },
    questionLinkId: { about: 'a boolean question open on needsAnswersAuthorizationId' },
    processingAuthorizationId: {
      about: 'an authorization with no customer action waiting (reference: Collate is processing)',
    },
    noLiveSessionAuthorizationId: { about: 'an authorization whose live session is not available now' },
    processingVersion: { about: 'the current version of processingAuthorizationId', default: '1' },
    waitingAuthorizationId: {
      about:
        'an authorization whose action endpoints are not actionable now (reference: waiting on the payer)',
    },
    terminalAuthorizationId: { about: 'an approved, denied or cancelled authorization' },
    confirmableAuthorizationId: { about: 'an authorization whose next action is approve_submission' },
    unsatisfiedAuthorizationId: { about: 'one awaiting approve_submission with a required document missing' },
    reviewSnapshotId: { about: 'the current review snapshot id of those authorizations' },
    otherOrganisationAuthorizationId: { about: 'an authorization of another organisation' },
    productionKey: { about: 'a key of the organisation for another environment (production)' },
    handoffAuthorizationId: { about: 'an authorization whose next action is complete_payer_interaction' },
    requestedHandoffId: { about: 'a handoff of handoffAuthorizationId that is requested, not yet active' },
    activeHandoffId: { about: 'the active handoff of handoffAuthorizationId' },
    closedHandoffId: { about: 'a closed handoff of handoffAuthorizationId' },
    pendingFileId: { about: 'an attachment file still waiting for its content' },
    exportFileId: { about: 'a file whose purpose is export' },
    liveGrantId: { about: 'a live access grant' },
    expiredGrantId: { about: 'an access grant past its lifetime' },
    revokedGrantId: { about: 'a revoked access grant' },
    readyFileId: { about: 'a file ready to attach (the attachments example; checks put other files there)' },
    unroutedServiceCpt: { about: 'a service code no route covers for providerNpi and payerId' },
    staleVersion: { about: 'a version older than needsAnswersVersion', default: '0' },
    mutableField: {
      about: 'a field of the create body a second create may hold another value in (the docs name none)',
    },
    dateField: { about: 'a date field of the create body (the docs name none)' },
    answerValueField: { about: 'where the update body holds an answer’s value (a boolean question)' },
    reviewSnapshotField: { about: 'where the accept-handoff body holds the review snapshot id' },
    maxBodyBytes: {
      about: 'the sandbox’s upload limit in bytes (the docs give none); the size check runs only with it',
    },
  },
  scenarios: documentedScenarios,
  rowScenarios: [
    {
      ...natural(
        'prior_authorization_not_found',
        "another organization's authorization",
        on('authorization', 'otherOrganisationAuthorizationId'),
      ),
      path: 'forbidden_ownership',
    },
  ],
  behaviour: {
    read: readAuthorization,
    create: { request: createWith({}), other: createWith({ change: fact('mutableField') }) },
  },
  preflight: readAuthorization,
};
