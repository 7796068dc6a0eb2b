import type { VendorCredentials } from '../../../scenarios/types.js';
import { policyCredential } from '../../policy-credential.js';
import {
  type ApiKey,
  type FileRecord,
  GRANT_LIFETIME_MS,
  type Grant,
  type Handoff,
  MAX_BODY_BYTES,
  type PriorAuthorization,
  type State,
  type Status,
} from './state.js';

/** The seeded state: organisations, keys, providers and payers, and a record in every state a check names. */

const ORG_A = 'org_col_a';
const ORG_B = 'org_col_b';

export const KEYS: Record<string, ApiKey> = {
  col_test_full_R7v2: { orgId: ORG_A, environment: 'test', canWrite: true, revoked: false },
  col_test_read_M3k8: { orgId: ORG_A, environment: 'test', canWrite: false, revoked: false },
  col_test_other_Q9d4: { orgId: ORG_B, environment: 'test', canWrite: true, revoked: false },
  col_live_full_T5w1: { orgId: ORG_A, environment: 'production', canWrite: true, revoked: false },
  col_test_revoked_J6n3: { orgId: ORG_A, environment: 'test', canWrite: true, revoked: true },
};
/** Providers registered to each organisation. */
export const PROVIDERS: Record<string, readonly string[]> = {
  [ORG_A]: ['1234567893', '1098765430'],
  [ORG_B]: ['1999999984'],
};
export const PAYERS = ['payer_northwind', 'payer_contoso'];
/** Serviceable routes: provider|payer|state|serviceType|serviceCode, and whether access is configured. */
export const SERVICE_ROUTES: Record<string, boolean> = {
  '1234567893|payer_northwind|CA|imaging|70551': true,
  '1098765430|payer_northwind|CA|imaging|70551': false,
};

export function authorization(
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

export function createState(now: number): State {
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

/** The keys by role and the seeded ids the scenarios name, as `credentials()` hands them out. */
export function collateCredentials(): VendorCredentials {
  const bearer = (token: string) => policyCredential('collate', token);
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
}
