import { byId, type SandboxMapping } from '../../config.js';

/**
 * The sandbox config a user writes for this Foresight: the suite's operations and facts (the
 * vocabulary of `src/scenarios/`) mapped onto this implementation's own operations and records.
 */
export const sandbox: SandboxMapping = {
  operations: {
    patients: { operation: 'createPatient' },
    record: byId('getPatient', 'patientId'),
    claims: { operation: 'createClaim' },
    submitClaim: byId('submitClaim', 'claimId'),
  },
  facts: {
    patientId: 'patientId',
    payerId: 'payerId',
    recordId: 'patientId',
    otherOrganisationRecordId: 'otherOrganizationPatientId',
    deletedRecordId: 'deletedPatientId',
    existingUniqueValue: 'patientExternalId',
    payerRejectedClaimId: 'payerRejectsClaimId',
    draftClaimId: 'claimId',
    staleId: 'unknownPatientId',
    longTextMaxLength: 'maxNotesLength',
  },
  known: {
    centsField: 'totalChargeCents',
    enumField: 'claimType',
    longTextField: 'notes',
    mutableField: 'totalChargeCents',
    dateField: 'dateOfBirth',
    uniqueField: 'externalId',
    uuidField: 'patientId',
  },
  probe: { operation: 'record', idFact: 'recordId' },
};
