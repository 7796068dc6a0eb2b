import { byId, type SandboxMapping } from '../../config.js';

/**
 * The sandbox config a user writes for this ClaimRev: the suite's operations and facts (the
 * vocabulary of `src/scenarios/`) mapped onto this implementation's own operations and records.
 */
export const sandbox: SandboxMapping = {
  operations: {
    token: { operation: 'requestToken' },
    eligibility: { operation: 'checkEligibility' },
    claim: { ...byId('getClaim', 'claimId'), query: 'accountNumber={{facts.accountNumber}}' },
    deleteClaim: { ...byId('deleteClaim', 'claimId'), query: 'accountNumber={{facts.accountNumber}}' },
    claimSearch: { operation: 'searchClaims' },
  },
  facts: {
    accountNumber: 'accountNumber',
    otherAccountNumber: 'otherAccountNumber',
    otherEnvironmentScope: 'otherEnvironmentScope',
    payerId: 'payerId',
    memberId: 'memberId',
    claimId: 'claimId',
    staleId: 'unknownClaimId',
    productionToken: 'productionToken',
  },
  known: { requiredField: 'memberId' },
  probe: { operation: 'claim', idFact: 'claimId', query: 'accountNumber={{facts.accountNumber}}' },
};
