import { policyCredential } from '../../policy-credential.js';
import type { VendorCredentials } from '../../types.js';
import type { ApiKey, Case, Referral, State } from './state.js';

/** The firms, keys, cases and referrals a fresh CaseXchange model starts with, and the roles they give. */

const FIRM_A = '0a7d3c52-4f1e-4c7a-9a55-1f0c6a2b8e01';
const FIRM_B = '5b2e9f10-8c3d-4e6f-a1b2-3c4d5e6f7a02';
const FIRM_C = '9c8b7a65-4321-4fed-8cba-987654321003';
const CASE_A = '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a10';
const CASE_B = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c20';
const CASE_CLOSED = '3b4c5d6e-7f80-4a9b-8c1d-2e3f4a5b6c30';
const REFERRAL_ACTIVE = '4c5d6e7f-8091-4aab-9c2d-3e4f5a6b7c40';
const REFERRAL_DECLINED = '5d6e7f80-91a2-4bbc-8d3e-4f5a6b7c8d50';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

export const KEYS: Record<string, ApiKey> = {
  cx_test_standard_7Qm2: { firmId: FIRM_A, tier: 'standard', revoked: false, limitPerMinute: 600 },
  cx_test_readonly_4Hk9: { firmId: FIRM_A, tier: 'read_only', revoked: false, limitPerMinute: 600 },
  cx_test_otherfirm_8Zp1: { firmId: FIRM_B, tier: 'standard', revoked: false, limitPerMinute: 600 },
  cx_test_revoked_2Lx5: { firmId: FIRM_A, tier: 'standard', revoked: true, limitPerMinute: 600 },
  cx_test_ratelimited_6Wn3: { firmId: FIRM_A, tier: 'standard', revoked: false, limitPerMinute: 2 },
};

export function createState(): State {
  return {
    firms: new Map(
      [
        { id: FIRM_A, name: 'Harbor Street Legal' },
        { id: FIRM_B, name: 'Northgate Injury Counsel' },
        { id: FIRM_C, name: 'Lakeside Trial Partners' },
      ].map((firm) => [firm.id, firm]),
    ),
    cases: new Map(
      [
        {
          id: CASE_A,
          firmId: FIRM_A,
          clientName: 'Test Client A',
          caseType: 'personal_injury',
          status: 'open',
        },
        {
          id: CASE_B,
          firmId: FIRM_B,
          clientName: 'Test Client B',
          caseType: 'personal_injury',
          status: 'open',
        },
        {
          id: CASE_CLOSED,
          firmId: FIRM_A,
          clientName: 'Test Client C',
          caseType: 'medical_malpractice',
          status: 'closed',
        },
      ].map((c) => [c.id, c as Case]),
    ),
    referrals: new Map(
      [
        { id: REFERRAL_ACTIVE, caseId: CASE_A, fromFirmId: FIRM_A, targetFirmId: FIRM_C, status: 'pending' },
        {
          id: REFERRAL_DECLINED,
          caseId: CASE_A,
          fromFirmId: FIRM_A,
          targetFirmId: FIRM_B,
          status: 'declined',
        },
      ].map((r) => [r.id, r as Referral]),
    ),
  };
}

export function casexchangeCredentials(): VendorCredentials {
  return {
    vendorId: 'casexchange',
    roles: {
      valid: policyCredential('casexchange', 'cx_test_standard_7Qm2'),
      readOnly: policyCredential('casexchange', 'cx_test_readonly_4Hk9'),
      otherOrganisation: policyCredential('casexchange', 'cx_test_otherfirm_8Zp1'),
      revoked: policyCredential('casexchange', 'cx_test_revoked_2Lx5'),
      rateLimited: policyCredential('casexchange', 'cx_test_ratelimited_6Wn3'),
    },
    facts: {
      firmId: FIRM_A,
      otherFirmId: FIRM_B,
      caseId: CASE_A,
      activeReferralId: REFERRAL_ACTIVE,
      referredFirmId: FIRM_C,
      otherOrganisationCaseId: CASE_B,
      closedCaseId: CASE_CLOSED,
      endedReferralId: REFERRAL_DECLINED,
      staleId: UNKNOWN_ID,
      requiredField: 'clientName',
      uuidField: 'caseId',
      dateField: 'filedOn',
    },
  };
}
