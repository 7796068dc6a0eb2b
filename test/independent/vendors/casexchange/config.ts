import { byId, type SandboxMapping } from '../../config.js';

/**
 * The sandbox config a user writes for this CaseXchange: the suite's operations and facts (the
 * vocabulary of `src/scenarios/`) mapped onto this implementation's own operations and records.
 */
export const sandbox: SandboxMapping = {
  operations: {
    firm: { operation: 'getFirm' },
    cases: { operation: 'createCase' },
    case: byId('getCase', 'caseId'),
    referrals: { operation: 'createReferral' },
    reRefer: byId('reReferReferral', 'referralId'),
  },
  facts: {
    caseId: 'caseId',
    activeReferralId: 'activeReferralId',
    referredFirmId: 'referralTargetFirmId',
    otherOrganisationCaseId: 'otherFirmCaseId',
    staleId: 'unknownCaseId',
  },
  known: { requiredField: 'clientName', uuidField: 'targetFirmId' },
  skips: { 'code.validation_error.malformed_date': 'this implementation’s cases take no date field' },
  probe: { operation: 'case', idFact: 'caseId' },
};
