import { byId, type SandboxMapping } from '../../config.js';

/**
 * The sandbox config a user writes for this Denialbase: the suite's operations and facts (the
 * vocabulary of `src/scenarios/`) mapped onto this implementation's own operations and records.
 */
export const sandbox: SandboxMapping = {
  operations: {
    denials: { operation: 'createDenial' },
    denial: byId('getDenial', 'denialId'),
    updateDenial: byId('updateDenial', 'denialId'),
    documents: { operation: 'uploadDocument' },
    signIn: { operation: 'signIn' },
  },
  facts: {
    denialId: 'denialId',
    staleId: 'unknownDenialId',
    otherOrganisationDenialId: 'otherOrganizationDenialId',
    email: 'email',
    password: 'password',
  },
  known: { mutableField: 'amount_cents' },
  probe: { operation: 'denial', idFact: 'denialId' },
};
