import { failingReads } from '../kit/failing.js';
import type { DialectCredential, DialectDirectory } from '../types.js';
import { BASE_PATH } from './routes.js';
import type { CaseXchangeSeed } from './seed.js';
import { MAX_CSV_BYTES, MAX_JSON_BYTES, RATE_LIMIT } from './state.js';

export function describeCaseXchange(baseUrl: string, seed: CaseXchangeSeed): DialectDirectory {
  const header = (name: keyof CaseXchangeSeed['keys']): DialectCredential => ({
    kind: 'header',
    header: 'X-API-Key',
    value: seed.keys[name].value,
  });
  const { facts } = seed;
  return {
    baseUrl,
    operations: {
      getFirm: { method: 'GET', path: `${BASE_PATH}/firms/me`, summary: "The calling key's firm and tier." },
      createCase: {
        method: 'POST',
        path: `${BASE_PATH}/cases`,
        body: {
          title: 'Rear-end collision, I-90',
          practiceArea: 'personal_injury',
          incidentDate: '2026-01-19',
        },
        contentType: 'application/json',
        idPointer: '/data/id',
        summary: 'Open a case for the calling firm.',
      },
      getCase: {
        method: 'GET',
        path: `${BASE_PATH}/cases/{caseId}`,
        summary: 'Read one case of the calling firm.',
      },
      importContacts: {
        method: 'POST',
        path: `${BASE_PATH}/cases/{caseId}/contacts/import`,
        body: 'name,email,role\nDana Ortiz,dana.ortiz@example.com,witness\n',
        contentType: 'text/csv',
        idPointer: '/data/importId',
        summary: 'Add contacts to a case from a CSV file.',
      },
      createReferral: {
        method: 'POST',
        path: `${BASE_PATH}/referrals`,
        body: { caseId: facts.caseId, targetFirmId: facts.otherFirmId, note: 'Venue is in their county.' },
        contentType: 'application/json',
        idPointer: '/data/id',
        summary: 'Refer a case to another firm.',
      },
      getReferral: {
        method: 'GET',
        path: `${BASE_PATH}/referrals/{referralId}`,
        summary: 'Read one referral.',
      },
      updateReferral: {
        method: 'PATCH',
        path: `${BASE_PATH}/referrals/{referralId}`,
        body: { status: 'withdrawn' },
        contentType: 'application/json',
        summary: 'Move a referral to another status.',
      },
      reReferral: {
        method: 'POST',
        path: `${BASE_PATH}/referrals/{referralId}/re-refer`,
        body: { targetFirmId: facts.thirdFirmId },
        contentType: 'application/json',
        idPointer: '/data/id',
        summary: 'Refer the case of a finished referral again, to another firm.',
      },
    },
    credentials: {
      fullKey: header('fullKey'),
      adminKey: header('adminKey'),
      readOnlyKey: header('readOnlyKey'),
      revokedKey: header('revokedKey'),
      otherFirmKey: header('otherFirmKey'),
    },
    facts,
    failing: failingReads('getCase', 'caseId', facts, [
      ['brokenCaseId', 'internal_error', 500],
      ['badGatewayCaseId', 'bad_gateway', 502],
      ['unavailableCaseId', 'service_unavailable', 503],
    ]),
    limits: {
      rateLimitRequests: RATE_LIMIT.limit,
      rateLimitWindowMs: RATE_LIMIT.windowMs,
      maxJsonBodyBytes: MAX_JSON_BYTES,
      maxCsvBytes: MAX_CSV_BYTES,
    },
  };
}
