import { fact, natural, viaFault } from '../data.js';
import type { DocumentedPromise, Scenario, ScenarioRequest, VendorScenarios } from '../types.js';

/** The request body of a create that succeeds; facts name the sandbox's own provider and payer. */
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
const create = (code: string, title: string, change: Record<string, unknown>) =>
  natural(code, title, {
    method: 'POST',
    operation: 'authorizations',
    json: { ...newAuthorization, ...change },
  });
const on = (
  method: ScenarioRequest['method'],
  operation: string,
  id: string,
  more: Partial<ScenarioRequest> = {},
): ScenarioRequest => ({ method, operation, params: { id: fact(id) }, ...more });
const accept = (handoff: string, json: unknown): ScenarioRequest => ({
  method: 'POST',
  operation: 'acceptHandoff',
  params: { id: fact('handoffAuthorizationId'), handoffId: fact(handoff) },
  json,
});
const snapshot = { reviewSnapshotId: fact('reviewSnapshotId') };
const answer = (value: unknown) => ({ answers: [{ linkId: fact('questionLinkId'), value }] });

/** The 422 row of the error table promises field-level issues for its validation codes. */
const FIELD_ISSUES: DocumentedPromise = {
  kind: 'fieldDetails',
  quote: 'Fix the field-specific validation issues.',
};

const scenarios: Scenario[] = [
  natural(
    'bad_request',
    'an If-Match that is not a version',
    on('PATCH', 'authorization', 'needsAnswersAuthorizationId', {
      headers: { 'If-Match': 'latest' },
      json: { answers: [] },
    }),
  ),
  create('final_submission_policy_required', 'a create without policy.finalSubmission', {
    policy: undefined,
  }),
  natural('unauthorized', 'a revoked token', { method: 'GET', operation: 'authorizations', role: 'revoked' }),
  natural('forbidden', 'a key of another environment', {
    method: 'GET',
    operation: 'authorizations',
    role: 'none',
    headers: { Authorization: `Bearer ${fact('productionKey')}` },
  }),
  natural('insufficient_permissions', 'a read-only key cannot create', {
    method: 'POST',
    operation: 'authorizations',
    role: 'readOnly',
    json: newAuthorization,
  }),
  natural('prior_authorization_not_found', 'a stale authorization id', on('GET', 'authorization', 'staleId')),
  create('provider_not_found', 'a provider outside the organization', {
    providerNpi: fact('unregisteredProviderNpi'),
  }),
  create('payer_not_found', 'a payer missing from the catalog', { payerId: 'payer_unknown_{{unique}}' }),
  natural('file_not_found', 'a stale file id', on('GET', 'file', 'staleId')),
  natural('access_grant_expired', 'a grant past its lifetime', on('GET', 'accessGrant', 'expiredGrantId')),
  natural('access_grant_revoked', 'a withdrawn grant', on('GET', 'accessGrant', 'revokedGrantId')),
  viaFault(
    'channel_session_lost',
    'the payer channel session went away',
    on('GET', 'accessGrant', 'liveGrantId'),
  ),
  create('unsupported_route', 'a service no route covers', { serviceCode: '99999' }),
  create('provider_access_not_configured', 'a route without provider access', {
    providerNpi: fact('unconfiguredProviderNpi'),
  }),
  natural(
    'idempotency_key_reused',
    'the same create key with another body',
    {
      method: 'POST',
      operation: 'authorizations',
      json: { ...newAuthorization, patient: { ...newAuthorization.patient, firstName: 'Other' } },
      headers: { 'Idempotency-Key': 'create-{{unique}}' },
    },
    {
      setup: [
        {
          method: 'POST',
          operation: 'authorizations',
          json: newAuthorization,
          headers: { 'Idempotency-Key': 'create-{{unique}}' },
        },
      ],
    },
  ),
  natural(
    'version_conflict',
    'an edit against an old version',
    on('PATCH', 'authorization', 'needsAnswersAuthorizationId', {
      headers: { 'If-Match': '"0"' },
      json: answer(true),
    }),
  ),
  natural(
    'prior_authorization_not_mutable',
    'an edit while Collate is processing',
    on('PATCH', 'authorization', 'processingAuthorizationId', {
      headers: { 'If-Match': `"${fact('processingVersion')}"` },
      json: { answers: [] },
    }),
  ),
  natural(
    'prior_authorization_not_actionable',
    'a confirm while the payer has the move',
    on('POST', 'confirm', 'waitingAuthorizationId', { json: {} }),
  ),
  natural(
    'prior_authorization_terminal',
    'a write to an approved authorization',
    on('POST', 'confirm', 'terminalAuthorizationId', { json: {} }),
  ),
  natural(
    'next_action_required',
    'a confirm with no action waiting',
    on('POST', 'confirm', 'processingAuthorizationId', { json: {} }),
  ),
  natural(
    'next_action_not_confirmable',
    'a confirm of resolve_requirements',
    on('POST', 'confirm', 'needsAnswersAuthorizationId', { json: {} }),
  ),
  natural(
    'requirements_not_satisfied',
    'a confirm with a document still missing',
    on('POST', 'confirm', 'unsatisfiedAuthorizationId', { json: snapshot }),
  ),
  natural(
    'review_stale',
    'a confirm of an old review snapshot',
    on('POST', 'confirm', 'confirmableAuthorizationId', {
      json: { reviewSnapshotId: 'rs_stale_{{unique}}' },
    }),
  ),
  natural(
    'file_not_ready',
    'attaching a file still uploading',
    on('POST', 'attachments', 'needsAnswersAuthorizationId', {
      json: { fileId: fact('pendingFileId'), documentTypes: ['clinical_notes'] },
    }),
  ),
  natural(
    'file_not_usable',
    'attaching an export file',
    on('POST', 'attachments', 'needsAnswersAuthorizationId', {
      json: { fileId: fact('exportFileId'), documentTypes: ['clinical_notes'] },
    }),
  ),
  natural(
    'manual_handoff_not_allowed',
    'a handoff when no payer interaction is due',
    on('POST', 'handoffs', 'needsAnswersAuthorizationId'),
  ),
  natural(
    'manual_handoff_not_active',
    'accepting a handoff not yet active',
    accept('requestedHandoffId', snapshot),
  ),
  natural('manual_handoff_already_closed', 'accepting a closed handoff', accept('closedHandoffId', snapshot)),
  natural(
    'manual_handoff_review_approval_required',
    'accepting without the review snapshot',
    accept('activeHandoffId', {}),
  ),
  // "No read-only live session can be granted right now": provoked by asking for the grant. Whether
  // the read of the live session answers 409 too is left open by the docs, so it is not judged.
  natural(
    'live_session_not_available',
    'a read-only live-session grant while action is required',
    on('POST', 'liveSessionGrants', 'needsAnswersAuthorizationId', { json: {} }),
  ),
  natural(
    'interactive_grant_not_allowed',
    'an interactive grant without a handoff',
    on('POST', 'liveSessionGrants', 'processingAuthorizationId', { json: { mode: 'interactive' } }),
  ),
  natural(
    'payload_too_large',
    'a file declared one byte over the upload limit',
    on('PUT', 'fileContent', 'pendingFileId', {
      // One byte over the catalog's inferred limit; a sandbox run sizes it from the documented
      // limit or the maxBodyBytes fact instead (see sizedForSandbox).
      streamedBytes: INFERRED_UPLOAD_LIMIT + 1,
      raw: { contentType: 'application/pdf', text: '%PDF-1.7' },
    }),
  ),
  {
    ...create('request_validation_failed', 'a create with a malformed birth date', {
      patient: { firstName: 'Test', lastName: 'Patient', birthDate: '04/03/1980' },
    }),
    promises: [FIELD_ISSUES],
  },
  {
    ...natural(
      'invalid_answers',
      'an answer of the wrong type',
      on('PATCH', 'authorization', 'needsAnswersAuthorizationId', {
        headers: { 'If-Match': `"${fact('needsAnswersVersion')}"` },
        json: answer('yes'),
      }),
    ),
    promises: [FIELD_ISSUES],
  },
  natural(
    'invalid_file_content',
    'PDF content that is not a PDF',
    on('PUT', 'fileContent', 'pendingFileId', {
      raw: { contentType: 'application/pdf', text: 'plain text' },
    }),
  ),
  viaFault('workflow_backend_unavailable', 'the orchestration backend is down', {
    method: 'GET',
    operation: 'authorizations',
  }),
];

export const collate: VendorScenarios = {
  vendorId: 'collate',
  operations: {
    authorizations: {
      about: 'list (GET) and create (POST) prior authorizations',
      path: '/v1/prior-authorizations',
    },
    authorization: {
      about: 'read (GET) and update with If-Match (PATCH) one authorization {id}',
      path: '{{operations.authorizations}}/{id}',
    },
    confirm: {
      about: 'confirm the next action of authorization {id}',
      path: '{{operations.authorization}}/confirm',
    },
    attachments: {
      about: 'attach a file to authorization {id}',
      path: '{{operations.authorization}}/attachments',
    },
    handoffs: {
      about: 'request a manual handoff on authorization {id}',
      path: '{{operations.authorization}}/manual-handoffs',
    },
    acceptHandoff: {
      about: 'accept handoff {handoffId} of authorization {id}',
      path: '{{operations.handoffs}}/{handoffId}/accept',
    },
    liveSession: {
      about: 'read the live session of authorization {id}',
      path: '{{operations.authorization}}/live-session',
    },
    liveSessionGrants: {
      about: 'ask for a live-session grant on authorization {id}',
      path: '{{operations.liveSession}}/grants',
    },
    accessGrant: { about: 'read access grant {id}', path: '/v1/access-grants/{id}' },
    file: { about: 'read file {id}', path: '/v1/files/{id}' },
    fileContent: { about: 'upload the content of file {id} (PUT)', path: '{{operations.file}}/content' },
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
    processingAuthorizationId: { about: 'an authorization Collate is processing, no action waiting' },
    processingVersion: { about: 'the current version of processingAuthorizationId', default: '1' },
    waitingAuthorizationId: { about: 'an authorization waiting on the payer' },
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
    maxBodyBytes: {
      about: 'the sandbox’s upload limit in bytes (the docs give none); the size check runs only with it',
    },
  },
  scenarios,
  rowScenarios: [
    {
      ...natural(
        'prior_authorization_not_found',
        "another organization's authorization",
        on('GET', 'authorization', 'otherOrganisationAuthorizationId'),
      ),
      path: 'forbidden_ownership',
    },
  ],
  behaviour: {
    read: { method: 'GET', operation: 'authorizations' },
    create: {
      request: { method: 'POST', operation: 'authorizations', json: newAuthorization },
      otherJson: { ...newAuthorization, patient: { ...newAuthorization.patient, firstName: 'Other' } },
      idPointer: '/id',
    },
  },
};
