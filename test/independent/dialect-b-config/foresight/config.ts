import type { DialectDirectory } from '../../dialect-b/types.js';
import { credentialOf, type DialectBVendorConfig, type Fact, fact } from '../write.js';

/**
 * The config a user of dialect B's Foresight writes from its reference (`dialect-b/foresight/README.md`)
 * alone: the suite's operations with this dialect's methods, paths, example bodies and id pointers;
 * its records and field names as facts; its credentials by role; its failing requests as overrides.
 */
export async function writeConfig(d: DialectDirectory): Promise<DialectBVendorConfig> {
  const claim = {
    patientId: d.facts.patientId,
    claimType: 'institutional',
    totalChargeCents: 48_200,
    admissionDate: '2026-05-10',
    dischargeDate: '2026-05-13',
    externalId: 'ENC-{{UNIQUE}}',
  };
  const createClaim = { method: 'POST', path: '/v1/claims', body: claim, idPointer: '/claim/id' };
  const eligibility = (payer: string) => ({
    method: 'POST',
    path: '/v1/eligibility-checks',
    json: { patientId: d.facts.patientId, payerId: String(d.facts[payer]), serviceDate: '2026-06-15' },
  });
  return {
    baseUrl: d.baseUrl,
    credentials: {
      valid: credentialOf(d.credentials.fullKey),
      readOnly: credentialOf(d.credentials.readOnlyKey),
      expired: credentialOf(d.credentials.expiredKey),
      revoked: credentialOf(d.credentials.revokedKey),
      otherOrganisation: credentialOf(d.credentials.otherOrgKey),
      // Every key has its own quota; the read-only key may read, and only scope checks use it.
      rateLimited: credentialOf(d.credentials.readOnlyKey),
    },
    operations: {
      claims: createClaim,
      // The create whose body holds a unique field is the claim create (externalId).
      patients: createClaim,
      record: { method: 'GET', path: '/v1/claims/{id}' },
      submitClaim: {
        method: 'POST',
        path: '/v1/eligibility-checks',
        body: {
          patientId: d.facts.patientId,
          payerId: fact('payerRejectedClaimId'),
          serviceDate: '2026-06-15',
        },
      },
    },
    facts: {
      recordId: d.facts.claimId as Fact,
      otherOrganisationRecordId: d.facts.otherOrgClaimId as Fact,
      deletedRecordId: d.facts.deletedClaimId as Fact,
      staleId: d.facts.unknownClaimId as Fact,
      existingUniqueValue: d.facts.existingExternalId as Fact,
      payerRejectedClaimId: String(d.facts.rejectingPayerId),
      centsField: 'totalChargeCents',
      enumField: 'claimType',
      longTextField: 'externalId',
      longTextMaxLength: 64,
      mutableField: 'totalChargeCents',
      dateField: 'admissionDate',
      uniqueField: 'externalId',
      uuidField: 'patientId',
    },
    checks: {
      'code.payer_unavailable': { request: eligibility('unavailablePayerId') },
      'code.payer_invalid_response': { request: eligibility('garbledPayerId') },
      'code.service_unavailable': { request: eligibility('degradedPayerId') },
      'code.internal_error': {
        request: { method: 'GET', path: `/v1/claims/${String(d.facts.brokenClaimId)}` },
      },
    },
  };
}
