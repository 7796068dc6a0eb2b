import type { DialectDirectory } from '../../dialect-b/types.js';
import { credentialOf, type DialectBVendorConfig, type Fact, fact } from '../write.js';

/**
 * The config a user of dialect B's CaseXchange writes from its reference (`dialect-b/casexchange/README.md`)
 * alone: the suite's operations with this dialect's methods, paths, example bodies and id pointers;
 * its records and field names as facts; its credentials by role; its failing requests as overrides.
 */
export async function writeConfig(d: DialectDirectory): Promise<DialectBVendorConfig> {
  const api = '/public-api/v1';
  return {
    baseUrl: d.baseUrl,
    credentials: {
      valid: credentialOf(d.credentials.fullKey),
      readOnly: credentialOf(d.credentials.readOnlyKey),
      revoked: credentialOf(d.credentials.revokedKey),
      otherOrganisation: credentialOf(d.credentials.otherFirmKey),
      // Every key has its own quota; the admin key is used for nothing else.
      rateLimited: credentialOf(d.credentials.adminKey),
    },
    operations: {
      firm: { method: 'GET', path: `${api}/firms/me` },
      cases: {
        method: 'POST',
        path: `${api}/cases`,
        body: {
          title: 'Rear-end collision, I-90',
          practiceArea: 'personal_injury',
          incidentDate: '2026-01-19',
        },
        idPointer: '/data/id',
      },
      case: { method: 'GET', path: `${api}/cases/{id}` },
      referrals: {
        method: 'POST',
        path: `${api}/referrals`,
        body: { caseId: fact('caseId'), targetFirmId: fact('referredFirmId') },
        idPointer: '/data/id',
      },
      reRefer: {
        method: 'POST',
        path: `${api}/referrals/{id}/re-refer`,
        body: { targetFirmId: d.facts.thirdFirmId },
        idPointer: '/data/id',
      },
    },
    facts: {
      // The case with an active referral to otherFirmId: a second referral there conflicts.
      caseId: d.facts.referredCaseId as Fact,
      activeReferralId: d.facts.pendingReferralId as Fact,
      referredFirmId: d.facts.otherFirmId as Fact,
      otherOrganisationCaseId: d.facts.otherFirmCaseId as Fact,
      staleId: d.facts.deletedCaseId as Fact,
      requiredField: 'title',
      uuidField: 'targetFirmId',
      dateField: 'incidentDate',
    },
    checks: {
      'code.internal_error': {
        request: { method: 'GET', path: `${api}/cases/${String(d.facts.brokenCaseId)}` },
      },
    },
  };
}
