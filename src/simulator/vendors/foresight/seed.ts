import type { VendorCredentials } from '../../../scenarios/types.js';
import { policyCredential } from '../../policy-credential.js';
import {
  type ApiKey,
  type Claim,
  DAY,
  MAX_NOTES,
  type Patient,
  REJECTING_PAYER,
  type Scope,
  type State,
} from './state.js';

/** The seeded state: two organisations, a key per role a check needs, patients and claims in the states the checks name. */

const ORG_A = 'org_2Rk8Fz';
const ORG_B = 'org_7Tq3Wm';
const PATIENT_A = '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';
const PATIENT_B = '7a2d3e4f-5b6c-4d7e-9f80-91a2b3c4d5e6';
const PATIENT_DELETED = '8b3e4f50-6c7d-4e8f-a091-a2b3c4d5e6f7';
const CLAIM_REJECTED_BY_PAYER = '9c4f5061-7d8e-4f90-b1a2-b3c4d5e6f708';
const CLAIM_WITHOUT_LINES = 'ad506172-8e9f-4a01-82b3-c4d5e6f70819';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const ALL_SCOPES: Scope[] = ['patients:read', 'patients:write', 'claims:read', 'claims:write'];
export const KEYS: Record<string, ApiKey> = {
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

export function createState(now: number): State {
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

/** The keys by role and the seeded facts the scenarios name, as `credentials()` hands them out. */
export function foresightCredentials(): VendorCredentials {
  const key = (value: string) => policyCredential('foresight', value);
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
}
