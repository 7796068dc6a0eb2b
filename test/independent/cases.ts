import type { VendorId } from '../../src/vendors/registry.js';
import type { BugId } from './bugs.js';
import type { Call } from './call.js';

/**
 * What each vendor's page promises, as cases: the request that provokes a documented answer and the
 * status and code the page gives it (or the reading chosen here where it gives none). The unit tests
 * run them against the independent vendors, and run them again with each seeded bug switched on to
 * show that the bug changes exactly the cases that name it.
 */
export interface DocumentedCase {
  title: string;
  /** Requests sent first, in order, each `times` times; their answers are not judged. */
  before?: readonly { call: Call; times?: number }[];
  call: Call;
  expect: { status: number; code?: string };
  /** Response headers the answer must carry. */
  headers?: readonly string[];
  /** The seeded bugs that change this case's answer. */
  bugs?: readonly BugId[];
}

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

const collateCases: DocumentedCase[] = [
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
const collate: DocumentedCase[] = collateCases.map((entry) => ({
  ...entry,
  bugs: [...(entry.bugs ?? []), ...(entry.expect.code ? COLLATE_CODE_BUGS : [])],
}));

const casexchange: DocumentedCase[] = [
  {
    title: 'a revoked key is refused',
    call: { operation: 'getFirm', role: 'revoked' },
    expect: { status: 401, code: 'invalid_api_key' },
  },
  {
    title: 'a missing key is refused',
    call: { operation: 'getFirm', role: 'none' },
    expect: { status: 401, code: 'invalid_api_key' },
    bugs: ['casexchange.missing-key-400'],
  },
  {
    title: 'a read_only key cannot create a case',
    call: {
      operation: 'createCase',
      role: 'readOnly',
      json: { clientName: 'M. Ito', caseType: '{{facts.caseType}}' },
    },
    expect: { status: 403, code: 'insufficient_tier' },
  },
  {
    title: "another firm's case is off limits",
    call: { operation: 'getCase', params: { caseId: '{{facts.otherFirmCaseId}}' } },
    expect: { status: 403, code: 'permission_denied' },
    bugs: ['casexchange.uncatalogued-ownership-code'],
  },
  {
    title: 'a case without clientName is invalid',
    call: { operation: 'createCase', json: { caseType: '{{facts.caseType}}' } },
    expect: { status: 400, code: 'validation_error' },
  },
  {
    title: 'a case id that is not a UUID is invalid',
    call: { operation: 'getCase', params: { caseId: 'case-17' } },
    expect: { status: 400, code: 'validation_error' },
  },
  {
    title: 'a referral to a firm id that is not a UUID is invalid',
    call: {
      operation: 'createReferral',
      json: { caseId: '{{facts.caseId}}', targetFirmId: 'firm-9' },
    },
    expect: { status: 400, code: 'validation_error' },
    bugs: ['casexchange.malformed-uuid-404'],
  },
  {
    title: 'a pending referral cannot be re-referred',
    call: {
      operation: 'reReferReferral',
      params: { referralId: '{{facts.activeReferralId}}' },
      json: { targetFirmId: '{{facts.newReferralTargetFirmId}}' },
    },
    expect: { status: 400, code: 'invalid_state_transition' },
  },
  {
    title: 'a stale case id is not found',
    call: { operation: 'getCase', params: { caseId: '{{facts.unknownCaseId}}' } },
    expect: { status: 404, code: 'resource_not_found' },
  },
  {
    title: 'a second active referral to the same firm conflicts',
    call: {
      operation: 'createReferral',
      json: { caseId: '{{facts.caseId}}', targetFirmId: '{{facts.referralTargetFirmId}}' },
    },
    expect: { status: 409, code: 'conflict' },
  },
  {
    title: 'a key over its quota is limited, with the reset',
    before: [{ call: { operation: 'getFirm', role: 'rateLimited' }, times: 2 }],
    call: { operation: 'getFirm', role: 'rateLimited' },
    expect: { status: 429, code: 'rate_limited' },
    headers: ['x-ratelimit-reset'],
    bugs: ['casexchange.rate-limit-reset-as-retry-after', 'casexchange.rate-limit-without-reset'],
  },
  {
    title: 'the always-failing case is an internal error',
    call: { operation: 'getCase', params: { caseId: '{{facts.failingCaseId}}' } },
    expect: { status: 500, code: 'internal_error' },
    bugs: ['casexchange.internal-error-as-400'],
  },
  { title: 'the firm reads back', call: { operation: 'getFirm' }, expect: { status: 200 } },
];

const claimForesight = {
  patientId: '{{facts.patientId}}',
  payerId: '{{facts.payerId}}',
  claimType: 'professional',
  totalChargeCents: 18_000,
};
const createClaim = (change: Record<string, unknown>): Call => ({
  operation: 'createClaim',
  json: { ...claimForesight, ...change },
});
const newPatient = {
  externalId: 'EXT-NEW-1',
  firstName: 'Lee',
  lastName: 'Moreau',
  dateOfBirth: '1988-11-02',
};
const foresightKeyed = (key: string, json: unknown): Call => ({
  operation: 'createClaim',
  headers: { 'Idempotency-Key': key },
  json,
});

const foresight: DocumentedCase[] = [
  {
    title: 'a request without a key',
    call: { operation: 'listClaims', role: 'none' },
    expect: { status: 401, code: 'missing_api_key' },
  },
  {
    title: 'a revoked key',
    call: { operation: 'listClaims', role: 'revoked' },
    expect: { status: 401, code: 'invalid_api_key' },
  },
  {
    title: 'a key past its expiry',
    call: { operation: 'listClaims', role: 'expired' },
    expect: { status: 401, code: 'expired_api_key' },
    bugs: ['foresight.expired-key-as-invalid'],
  },
  {
    title: 'a read-only key cannot create a claim',
    call: { ...createClaim({}), role: 'readOnly' },
    expect: { status: 403, code: 'forbidden_scope' },
    bugs: ['foresight.scope-as-401'],
  },
  {
    title: "another organization's patient is not visible",
    call: { operation: 'getPatient', params: { patientId: '{{facts.otherOrganizationPatientId}}' } },
    expect: { status: 404, code: 'organization_mismatch' },
  },
  {
    title: 'a patient without lastName',
    call: { operation: 'createPatient', json: { ...newPatient, lastName: undefined } },
    expect: { status: 422, code: 'missing_required_field' },
    bugs: ['foresight.missing-field-param-absent'],
  },
  {
    title: 'a charge sent as a string',
    call: createClaim({ totalChargeCents: '180.00' }),
    expect: { status: 422, code: 'invalid_field_type' },
  },
  {
    title: 'an unknown claim type',
    call: createClaim({ claimType: 'vision' }),
    expect: { status: 422, code: 'invalid_enum_value' },
  },
  {
    title: 'a patient id that is not a UUID',
    call: { operation: 'getPatient', params: { patientId: '{{facts.notAUuid}}' } },
    expect: { status: 422, code: 'invalid_uuid_format' },
  },
  {
    title: 'a US-style birth date',
    call: { operation: 'createPatient', json: { ...newPatient, dateOfBirth: '11/02/1988' } },
    expect: { status: 422, code: 'invalid_date_format' },
  },
  {
    title: 'a charge with fractional cents',
    call: createClaim({ totalChargeCents: 180.5 }),
    expect: { status: 422, code: 'invalid_currency_amount' },
  },
  {
    title: 'notes longer than allowed',
    call: createClaim({ notes: 'n'.repeat(501) }),
    expect: { status: 422, code: 'field_value_too_long' },
  },
  {
    title: 'discharge before admission',
    call: createClaim({ admissionDate: '2026-04-10', dischargeDate: '2026-04-01' }),
    expect: { status: 422, code: 'cross_field_constraint' },
  },
  {
    title: 'a stale patient id',
    call: { operation: 'getPatient', params: { patientId: '{{facts.unknownPatientId}}' } },
    expect: { status: 404, code: 'resource_not_found' },
  },
  {
    title: 'a soft-deleted patient is gone',
    call: { operation: 'getPatient', params: { patientId: '{{facts.deletedPatientId}}' } },
    expect: { status: 410, code: 'resource_deleted' },
  },
  {
    title: 'a second patient with the same externalId',
    call: { operation: 'createPatient', json: { ...newPatient, externalId: '{{facts.patientExternalId}}' } },
    expect: { status: 409, code: 'resource_already_exists' },
  },
  {
    title: 'the same key with a different body',
    before: [{ call: foresightKeyed('fs-reuse', claimForesight) }],
    call: foresightKeyed('fs-reuse', { ...claimForesight, totalChargeCents: 99 }),
    expect: { status: 409, code: 'idempotency_key_mismatched_body' },
    bugs: ['foresight.mismatched-key-replays'],
  },
  {
    title: 'a key over its quota, with Retry-After',
    before: [{ call: { operation: 'listClaims', role: 'rateLimited' }, times: 2 }],
    call: { operation: 'listClaims', role: 'rateLimited' },
    expect: { status: 429, code: 'rate_limit_exceeded' },
    headers: ['retry-after'],
    bugs: ['foresight.rate-limit-without-retry-after'],
  },
  {
    title: 'a payer that times out',
    call: { operation: 'submitClaim', params: { claimId: '{{facts.payerDownClaimId}}' } },
    expect: { status: 504, code: 'payer_unavailable' },
    bugs: ['foresight.payer-unavailable-400'],
  },
  {
    title: 'a payer that answers garbage',
    call: { operation: 'submitClaim', params: { claimId: '{{facts.payerGarbledClaimId}}' } },
    expect: { status: 502, code: 'payer_invalid_response' },
  },
  {
    title: 'a payer that rejects the claim',
    call: { operation: 'submitClaim', params: { claimId: '{{facts.payerRejectsClaimId}}' } },
    expect: { status: 422, code: 'payer_rejected' },
  },
  {
    title: 'the always-failing patient',
    call: { operation: 'getPatient', params: { patientId: '{{facts.failingPatientId}}' } },
    expect: { status: 500, code: 'internal_error' },
  },
  {
    title: 'a degraded downstream',
    call: { operation: 'submitClaim', params: { claimId: '{{facts.degradedClaimId}}' } },
    expect: { status: 503, code: 'service_unavailable' },
  },
  { title: 'a claim is created', call: createClaim({}), expect: { status: 201 } },
];

const denialKey = '6b1f9f7e-3c1a-4e58-9a52-0d4b8e2f7a10';
const newDenial = { claim_number: 'CN-8812', denial_type: '{{facts.denialType}}', amount_cents: 9_900 };
const multipart = (content: string) => ({
  contentType: 'multipart/form-data; boundary=xindependent',
  text: `--xindependent\r\nContent-Disposition: form-data; name="file"; filename="eob.txt"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n--xindependent--\r\n`,
});
const DENIALBASE_ID_BUG: BugId[] = ['denialbase.request-id-missing'];

const denialbase: DocumentedCase[] = [
  {
    title: 'a body that is not JSON is a 400',
    call: { operation: 'createDenial', raw: { contentType: 'application/json', text: '{"claim_number": ' } },
    expect: { status: 400 },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'an expired session',
    call: { operation: 'listDenials', role: 'expired' },
    expect: { status: 401, code: 'not_authenticated' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'a signed-out session',
    call: { operation: 'listDenials', role: 'revoked' },
    expect: { status: 401, code: 'not_authenticated' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'a session waiting for its one-time code',
    call: { operation: 'listDenials', role: 'secondFactorPending' },
    expect: { status: 402, code: 'two_factor_required' },
    bugs: [...DENIALBASE_ID_BUG, 'denialbase.two-factor-as-401'],
  },
  {
    title: 'a viewer cannot record a denial',
    call: { operation: 'createDenial', role: 'readOnly', json: newDenial },
    expect: { status: 403, code: 'not_authorized' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'a stale denial id',
    call: { operation: 'getDenial', params: { denialId: '{{facts.unknownDenialId}}' } },
    expect: { status: 404, code: 'not_found' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: "another organization's denial is not visible",
    call: { operation: 'getDenial', params: { denialId: '{{facts.otherOrganizationDenialId}}' } },
    expect: { status: 404, code: 'not_found' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'an update against an old lock_version',
    call: { operation: 'updateDenial', json: { lock_version: 0, amount_cents: 100 } },
    expect: { status: 409, code: 'conflict' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'an upload declared larger than 50 MB',
    call: { operation: 'uploadDocument', raw: multipart('small'), declaredLength: 50_000_001 },
    expect: { status: 413, code: 'file_too_large' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'a denial with an unknown type and no claim number',
    call: { operation: 'createDenial', json: { denial_type: 'weather', amount_cents: 5 } },
    expect: { status: 422, code: 'validation_failed' },
    bugs: [...DENIALBASE_ID_BUG, 'denialbase.validation-details-empty'],
  },
  {
    title: 'an upload carrying the anti-virus test file',
    call: { operation: 'uploadDocument', raw: multipart('{{facts.eicarTestString}}') },
    expect: { status: 422, code: 'virus_detected' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'a session over its quota, with Retry-After',
    before: [{ call: { operation: 'listDenials', role: 'rateLimited' }, times: 2 }],
    call: { operation: 'listDenials', role: 'rateLimited' },
    expect: { status: 429, code: 'rate_limited' },
    headers: ['retry-after'],
    bugs: [
      'denialbase.rate-limit-request-id-missing',
      ...DENIALBASE_ID_BUG,
      'denialbase.rate-limit-without-retry-after',
    ],
  },
  {
    title: 'the always-failing denial',
    call: { operation: 'getDenial', params: { denialId: '{{facts.failingDenialId}}' } },
    expect: { status: 500, code: 'internal_error' },
    bugs: DENIALBASE_ID_BUG,
  },
  {
    title: 'a create repeated with its key is the original result again',
    before: [
      { call: { operation: 'createDenial', headers: { 'Idempotency-Key': denialKey }, json: newDenial } },
    ],
    call: { operation: 'createDenial', headers: { 'Idempotency-Key': denialKey }, json: newDenial },
    expect: { status: 201 },
    headers: ['idempotent-replayed'],
    bugs: ['denialbase.replay-creates-duplicate'],
  },
];

const claimrev: DocumentedCase[] = [
  {
    title: 'an eligibility check without memberId',
    call: {
      operation: 'checkEligibility',
      json: {
        accountNumber: '{{facts.accountNumber}}',
        payerId: '{{facts.payerId}}',
        dateOfService: '{{facts.dateOfService}}',
      },
    },
    expect: { status: 400 },
  },
  {
    title: 'an expired token',
    call: { operation: 'searchClaims', role: 'expired', json: { accountNumber: '{{facts.accountNumber}}' } },
    expect: { status: 401 },
  },
  {
    title: 'a token of another environment',
    call: { operation: 'searchClaims', role: 'revoked', json: { accountNumber: '{{facts.accountNumber}}' } },
    expect: { status: 401 },
    bugs: ['claimrev.other-environment-token-accepted'],
  },
  {
    title: 'a malformed bearer token',
    call: {
      operation: 'searchClaims',
      role: 'none',
      headers: { Authorization: 'Bearer not a token' },
      json: { accountNumber: '{{facts.accountNumber}}' },
    },
    expect: { status: 401 },
    bugs: ['claimrev.malformed-token-400'],
  },
  {
    title: 'no token at all',
    call: { operation: 'searchClaims', role: 'none', json: { accountNumber: '{{facts.accountNumber}}' } },
    expect: { status: 401 },
    bugs: ['claimrev.missing-token-accepted'],
  },
  {
    title: 'a client without the eligibility permission',
    call: {
      operation: 'checkEligibility',
      role: 'readOnly',
      json: {
        accountNumber: '{{facts.accountNumber}}',
        payerId: '{{facts.payerId}}',
        memberId: '{{facts.memberId}}',
        dateOfService: '{{facts.dateOfService}}',
      },
    },
    expect: { status: 403 },
  },
  {
    title: 'a client not bound to the account',
    call: {
      operation: 'getClaim',
      role: 'otherOrganisation',
      query: { accountNumber: '{{facts.accountNumber}}' },
    },
    expect: { status: 403 },
    bugs: ['claimrev.unbound-account-404'],
  },
  {
    title: 'a claim that does not exist',
    call: {
      operation: 'getClaim',
      params: { claimId: '{{facts.unknownClaimId}}' },
      query: { accountNumber: '{{facts.accountNumber}}' },
    },
    expect: { status: 404 },
  },
  {
    title: 'deleting a claim that does not exist',
    call: {
      operation: 'deleteClaim',
      params: { claimId: '{{facts.unknownClaimId}}' },
      query: { accountNumber: '{{facts.accountNumber}}' },
    },
    expect: { status: 404 },
  },
  {
    title: 'an eligibility check for the always-failing payer',
    call: {
      operation: 'checkEligibility',
      json: {
        accountNumber: '{{facts.accountNumber}}',
        payerId: '{{facts.failingPayerId}}',
        memberId: '{{facts.memberId}}',
        dateOfService: '{{facts.dateOfService}}',
      },
    },
    expect: { status: 500 },
  },
  {
    title: 'the claim reads back',
    call: { operation: 'getClaim', query: { accountNumber: '{{facts.accountNumber}}' } },
    expect: { status: 200 },
  },
  {
    title: 'a token is issued for an hour',
    call: { operation: 'requestToken', role: 'none', raw: tokenForm({}) },
    expect: { status: 200 },
    bugs: ['claimrev.token-lifetime-two-hours'],
  },
  {
    title: 'a wrong client secret at the token endpoint',
    call: { operation: 'requestToken', role: 'none', raw: tokenForm({ client_secret: 'wrong' }) },
    expect: { status: 400, code: 'invalid_client' },
    bugs: ['claimrev.token-error-code-renamed'],
  },
  {
    title: 'a scope of another environment',
    call: {
      operation: 'requestToken',
      role: 'none',
      raw: tokenForm({ scope: '{{facts.otherEnvironmentScope}}' }),
    },
    expect: { status: 400, code: 'invalid_scope' },
    bugs: ['claimrev.token-error-code-renamed'],
  },
  {
    title: 'an unsupported grant type',
    call: { operation: 'requestToken', role: 'none', raw: tokenForm({ grant_type: 'password' }) },
    expect: { status: 400, code: 'invalid_grant' },
    bugs: ['claimrev.token-error-code-renamed'],
  },
];

/** A client-credentials form; the client id and secret come from facts the test adds. */
function tokenForm(change: Record<string, string>) {
  const fields = {
    grant_type: 'client_credentials',
    client_id: '{{facts.clientId}}',
    client_secret: '{{facts.clientSecret}}',
    scope: '{{facts.scope}}',
    ...change,
  };
  const text = Object.entries(fields)
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return { contentType: 'application/x-www-form-urlencoded', text };
}

export const DOCUMENTED_CASES: Record<VendorId, readonly DocumentedCase[]> = {
  claimrev,
  collate,
  casexchange,
  foresight,
  denialbase,
};
