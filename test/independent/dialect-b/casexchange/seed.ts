import { createIntegerIds, freshSecret, freshUuid } from '../kit/ids.js';
import type { ApiKey, CaseXchangeState, LegalCase, Referral, Tier } from './state.js';

export interface CaseXchangeSeed {
  state: CaseXchangeState;
  keys: Record<'fullKey' | 'adminKey' | 'readOnlyKey' | 'revokedKey' | 'otherFirmKey', ApiKey>;
  facts: Record<string, string | number>;
}

export function seedCaseXchange(): CaseXchangeSeed {
  const nextId = createIntegerIds();
  const own = { firmId: freshUuid(), name: 'Harbor & Vale LLP' };
  const other = { firmId: freshUuid(), name: 'Northgate Injury Group' };
  const third = { firmId: freshUuid(), name: 'Lindqvist Trial Partners' };
  const key = (firmId: string, tier: Tier, revoked = false): ApiKey => ({
    value: freshSecret('cxk_sbx_'),
    firmId,
    tier,
    revoked,
  });
  const keys = {
    fullKey: key(own.firmId, 'read_write'),
    adminKey: key(own.firmId, 'admin'),
    readOnlyKey: key(own.firmId, 'read_only'),
    revokedKey: key(own.firmId, 'read_write', true),
    otherFirmKey: key(other.firmId, 'read_write'),
  };
  const cases = new Map<number, LegalCase>();
  const addCase = (firmId: string, change: Partial<LegalCase> = {}): number => {
    const id = nextId();
    cases.set(id, {
      id,
      firmId,
      title: `Intake ${id}`,
      practiceArea: 'personal_injury',
      incidentDate: '2025-11-14',
      deleted: false,
      contactEmails: new Set(['claimant@example.com']),
      ...change,
    });
    return id;
  };
  const referrals = new Map<number, Referral>();
  const addReferral = (caseId: number, targetFirmId: string, status: Referral['status']): number => {
    const id = nextId();
    referrals.set(id, { id, caseId, fromFirmId: own.firmId, targetFirmId, status, note: '' });
    return id;
  };
  const caseId = addCase(own.firmId);
  const referredCaseId = addCase(own.firmId);
  const facts = {
    firmId: own.firmId,
    otherFirmId: other.firmId,
    thirdFirmId: third.firmId,
    unknownFirmId: freshUuid(),
    caseId,
    referredCaseId,
    otherFirmCaseId: addCase(other.firmId),
    deletedCaseId: addCase(own.firmId, { deleted: true }),
    brokenCaseId: addCase(own.firmId, { failure: 'internal_error' }),
    badGatewayCaseId: addCase(own.firmId, { failure: 'bad_gateway' }),
    unavailableCaseId: addCase(own.firmId, { failure: 'service_unavailable' }),
    pendingReferralId: addReferral(referredCaseId, other.firmId, 'pending'),
    declinedReferralId: addReferral(referredCaseId, third.firmId, 'declined'),
    existingContactEmail: 'claimant@example.com',
  };
  return {
    state: {
      keys: Object.values(keys),
      firms: new Map([own, other, third].map((firm) => [firm.firmId, firm])),
      cases,
      referrals,
      nextId,
    },
    keys,
    facts,
  };
}
