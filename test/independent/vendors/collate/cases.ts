/**
 * What Collate's page promises, as cases this implementation is played against (see
 * `../../cases.ts`); each names the seeded bugs that change its answer.
 */
import type { Call } from '../../call.js';
import type { DocumentedCase, RequestIdOn } from '../../cases.js';
import type { BugId } from './bugs.js';

const collateCreate = {
  providerNpi: '{{facts.providerNpi}}',
  payerId: '{{facts.payerId}}',
  state: 'OR',
  serviceType: 'imaging',
  serviceCode: '{{facts.serviceCode}}',
  patient: { firstName: 'Dana', lastName: 'Reyes', birthDate: '1975-06-14' },
  policy: { finalSubmission: 'review' },
};
const collateKeyed = (key: string, json: unknown): Call => ({
  operation: 'createAuthorization',
  headers: { 'Idempotency-Key': key },
  json,
});
const withAuthorization = (fact: string) => ({ authorizationId: `{{facts.${fact}}}` });
const COLLATE_CODE_BUGS: BugId[] = ['collate.error-code-missing', 'collate.request-id-missing'];

const collateCases: DocumentedCase<BugId>[] = [
  {
    title: 'an If-Match that is not a version is a bad_request',
    call: { operation: 'updateAuthorization', headers: { 'If-Match': 'newest' }, json: { answers: [] } },
    expect: { status: 400, code: 'bad_request' },
  },
  {
    title: 'a create without policy.finalSubmission is refused',
    call: { operation: 'createAuthorization', json: { ...collateCreate, policy: {} } },
    expect: { status: 400, code: 'final_submission_policy_required' },
  },
  {
    title: 'a revoked token is unauthorized',
    call: { operation: 'listAuthorizations', role: 'revoked' },
    expect: { status: 401, code: 'unauthorized' },
  },
  {
    title: 'an expired token is unauthorized',
    call: { operation: 'listAuthorizations', role: 'expired' },
    expect: { status: 401, code: 'unauthorized' },
  },
  {
    title: 'a request without a token is unauthorized',
    call: { operation: 'listAuthorizations', role: 'none' },
    expect: { status: 401, code: 'unauthorized' },
  },
  {
    title: 'a production key used against the sandbox is forbidden',
    call: {
      operation: 'listAuthorizations',
      role: 'none',
      headers: { Authorization: 'Bearer {{facts.productionKey}}' },
    },
    expect: { status: 403, code: 'forbidden' },
  },
  {
    title: 'a read-only key cannot create',
    call: { operation: 'createAuthorization', role: 'readOnly', json: collateCreate },
    expect: { status: 403, code: 'insufficient_permissions' },
  },
  {
    title: 'an unknown authorization is not found',
    call: { operation: 'getAuthorization', params: withAuthorization('unknownAuthorizationId') },
    expect: { status: 404, code: 'prior_authorization_not_found' },
  },
  {
    title: "another organization's authorization is not visible, so not found",
    call: { operation: 'getAuthorization', params: withAuthorization('otherOrganizationAuthorizationId') },
    expect: { status: 404, code: 'prior_authorization_not_found' },
  },
  {
    title: 'a provider outside the organization is not found',
    call: {
      operation: 'createAuthorization',
      json: { ...collateCreate, providerNpi: '{{facts.unregisteredProviderNpi}}' },
    },
    expect: { status: 404, code: 'provider_not_found' },
  },
  {
    title: 'a payer outside the catalog is not found',
    call: {
      operation: 'createAuthorization',
      json: { ...collateCreate, payerId: '{{facts.unknownPayerId}}' },
    },
    expect: { status: 404, code: 'payer_not_found' },
  },
  {
    title: 'an unknown file is not found',
    call: { operation: 'getFile', params: { fileId: '{{facts.unknownFileId}}' } },
    expect: { status: 404, code: 'file_not_found' },
  },
  {
    title: 'an expired grant says so',
    call: { operation: 'getAccessGrant', params: { grantId: '{{facts.expiredGrantId}}' } },
    expect: { status: 404, code: 'access_grant_expired' },
  },
  {
    title: 'a revoked grant says so',
    call: { operation: 'getAccessGrant', params: { grantId: '{{facts.revokedGrantId}}' } },
    expect: { status: 404, code: 'access_grant_revoked' },
  },
  {
    title: 'a grant whose payer channel is gone says so',
    call: { operation: 'getAccessGrant', params: { grantId: '{{facts.channelLostGrantId}}' } },
    expect: { status: 404, code: 'channel_session_lost' },
  },
  {
    title: 'a service no route covers is unsupported',
    call: {
      operation: 'createAuthorization',
      json: { ...collateCreate, serviceCode: '{{facts.unsupportedServiceCode}}' },
    },
    expect: { status: 409, code: 'unsupported_route' },
  },
  {
    title: 'a route without provider access is not configured',
    call: {
      operation: 'createAuthorization',
      json: { ...collateCreate, providerNpi: '{{facts.providerWithoutAccessNpi}}' },
    },
    expect: { status: 409, code: 'provider_access_not_configured' },
  },
  {
    title: 'a create key reused with another body is refused',
    before: [{ call: collateKeyed('k-reuse', collateCreate) }],
    call: collateKeyed('k-reuse', { ...collateCreate, state: 'WA' }),
    expect: { status: 409, code: 'idempotency_key_reused' },
  },
  {
    title: 'a create repeated with its key and exact body is replayed with 200',
    before: [{ call: collateKeyed('k-replay', collateCreate) }],
    call: collateKeyed('k-replay', collateCreate),
    expect: { status: 200 },
    headers: ['idempotent-replayed'],
    bugs: ['collate.replay-creates-duplicate'],
  },
  {
    title: 'an edit against an old version conflicts',
    call: {
      operation: 'updateAuthorization',
      headers: { 'If-Match': '"{{facts.staleAuthorizationVersion}}"' },
      json: { answers: [{ linkId: '{{facts.booleanQuestionLinkId}}', value: true }] },
    },
    expect: { status: 409, code: 'version_conflict' },
  },
  {
    title: 'an edit while Collate is processing is not mutable',
    call: {
      operation: 'updateAuthorization',
      params: withAuthorization('processingAuthorizationId'),
      headers: { 'If-Match': '"7"' },
      json: { answers: [] },
    },
    expect: { status: 409, code: 'prior_authorization_not_mutable' },
  },
  {
    title: 'a confirm while the payer has the move is not actionable',
    call: {
      operation: 'confirmAuthorization',
      params: withAuthorization('waitingOnPayerAuthorizationId'),
      json: {},
    },
    expect: { status: 409, code: 'prior_authorization_not_actionable' },
  },
  {
    title: 'a write to a decided authorization is refused as terminal',
    call: {
      operation: 'confirmAuthorization',
      params: withAuthorization('terminalAuthorizationId'),
      json: {},
    },
    expect: { status: 409, code: 'prior_authorization_terminal' },
  },
  {
    title: 'a confirm with no customer action needs one',
    call: {
      operation: 'confirmAuthorization',
      params: withAuthorization('processingAuthorizationId'),
      json: {},
    },
    expect: { status: 409, code: 'next_action_required' },
  },
  {
    title: 'a confirm of resolve_requirements is not confirmable',
    call: { operation: 'confirmAuthorization', json: {} },
    expect: { status: 409, code: 'next_action_not_confirmable' },
  },
  {
    title: 'a confirm with a document still missing is not satisfied',
    call: {
      operation: 'confirmAuthorization',
      params: withAuthorization('unsatisfiedAuthorizationId'),
      json: { reviewSnapshotId: '{{facts.currentReviewSnapshotId}}' },
    },
    expect: { status: 409, code: 'requirements_not_satisfied' },
  },
  {
    title: 'a confirm of an old review snapshot is stale',
    call: {
      operation: 'confirmAuthorization',
      params: withAuthorization('reviewReadyAuthorizationId'),
      json: { reviewSnapshotId: '{{facts.staleReviewSnapshotId}}' },
    },
    expect: { status: 409, code: 'review_stale' },
    bugs: ['collate.review-stale-400'],
  },
  {
    title: 'attaching a file still uploading is not ready',
    call: {
      operation: 'attachFile',
      json: { fileId: '{{facts.pendingFileId}}', documentTypes: ['clinical_notes'] },
    },
    expect: { status: 409, code: 'file_not_ready' },
  },
  {
    title: 'attaching an export file is not usable',
    call: {
      operation: 'attachFile',
      json: { fileId: '{{facts.exportFileId}}', documentTypes: ['clinical_notes'] },
    },
    expect: { status: 409, code: 'file_not_usable' },
  },
  {
    title: 'a handoff with no payer interaction due is not allowed',
    call: { operation: 'createManualHandoff' },
    expect: { status: 409, code: 'manual_handoff_not_allowed' },
  },
  {
    title: 'accepting a handoff not yet active is refused',
    call: {
      operation: 'acceptManualHandoff',
      params: {
        ...withAuthorization('payerInteractionAuthorizationId'),
        handoffId: '{{facts.requestedHandoffId}}',
      },
      json: { reviewSnapshotId: '{{facts.currentReviewSnapshotId}}' },
    },
    expect: { status: 409, code: 'manual_handoff_not_active' },
  },
  {
    title: 'accepting a closed handoff is refused',
    call: {
      operation: 'acceptManualHandoff',
      params: {
        ...withAuthorization('payerInteractionAuthorizationId'),
        handoffId: '{{facts.closedHandoffId}}',
      },
      json: { reviewSnapshotId: '{{facts.currentReviewSnapshotId}}' },
    },
    expect: { status: 409, code: 'manual_handoff_already_closed' },
  },
  {
    title: 'accepting a handoff without the review snapshot needs it',
    call: {
      operation: 'acceptManualHandoff',
      params: {
        ...withAuthorization('payerInteractionAuthorizationId'),
        handoffId: '{{facts.activeHandoffId}}',
      },
      json: {},
    },
    expect: { status: 409, code: 'manual_handoff_review_approval_required' },
  },
  {
    title: 'a live session while action is required is not available',
    call: { operation: 'getLiveSession' },
    expect: { status: 409, code: 'live_session_not_available' },
  },
  {
    title: 'an interactive grant without a handoff is not allowed',
    call: {
      operation: 'createLiveSessionGrant',
      params: withAuthorization('processingAuthorizationId'),
      json: { mode: 'interactive' },
    },
    expect: { status: 409, code: 'interactive_grant_not_allowed' },
  },
  {
    title: 'an upload declared above the limit is too large',
    call: {
      operation: 'uploadFileContent',
      params: { fileId: '{{facts.pendingFileId}}' },
      raw: { contentType: 'application/pdf', text: '%PDF-1.7' },
      declaredLength: 8 * 1024 * 1024 + 1,
    },
    expect: { status: 413, code: 'payload_too_large' },
  },
  {
    title: 'a create with a malformed birth date fails validation',
    call: {
      operation: 'createAuthorization',
      json: { ...collateCreate, patient: { ...collateCreate.patient, birthDate: '14/06/1975' } },
    },
    expect: { status: 422, code: 'request_validation_failed' },
    bugs: ['collate.validation-issues-empty'],
  },
  {
    title: 'an answer of the wrong type is invalid',
    call: {
      operation: 'updateAuthorization',
      headers: { 'If-Match': '"{{facts.authorizationVersion}}"' },
      json: { answers: [{ linkId: '{{facts.booleanQuestionLinkId}}', value: 'yes' }] },
    },
    expect: { status: 422, code: 'invalid_answers' },
    bugs: ['collate.validation-issues-empty'],
  },
  {
    title: 'PDF content that is not a PDF is invalid',
    call: {
      operation: 'uploadFileContent',
      params: { fileId: '{{facts.pendingFileId}}' },
      raw: { contentType: 'application/pdf', text: 'not a pdf' },
    },
    expect: { status: 422, code: 'invalid_file_content' },
  },
  {
    title: 'the authorization whose backend is down is unavailable',
    call: { operation: 'getAuthorization', params: withAuthorization('backendDownAuthorizationId') },
    expect: { status: 503, code: 'workflow_backend_unavailable' },
    headers: ['retry-after'],
  },
];
/** Every Collate answer that names a code also carries what those two bugs break: code and request id. */
export const cases: readonly DocumentedCase<BugId>[] = collateCases.map((entry) => ({
  ...entry,
  bugs: [...(entry.bugs ?? []), ...(entry.expect.code ? COLLATE_CODE_BUGS : [])],
}));

/** Which error answers carry a request id here: every error answer carries a request id. */
export const requestIdOn: RequestIdOn = 'every error';
