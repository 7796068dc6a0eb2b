import { exhaust, fact, natural, viaFault } from '../data.js';
import type { Scenario, VendorScenarios } from '../types.js';

const MAX_NOTES = 500;
const claimBody = {
  patientId: fact('patientId'),
  payerId: fact('payerId'),
  claimType: 'professional',
  totalChargeCents: 12_500,
};
const newPatient = {
  externalId: 'MRN-{{unique}}',
  firstName: 'Ada',
  lastName: 'Example',
  dateOfBirth: '1990-01-31',
};
const submitDraft = {
  method: 'POST',
  operation: 'submitClaim',
  params: { id: fact('draftClaimId') },
} as const;
const listClaims = { method: 'GET', operation: 'claims' } as const;
const invalidClaim = (code: string, title: string, change: Record<string, unknown>) =>
  natural(code, title, { method: 'POST', operation: 'claims', json: { ...claimBody, ...change } });
const createPatient = (change: Record<string, unknown>) =>
  ({ method: 'POST', operation: 'patients', json: { ...newPatient, ...change } }) as const;
const patient = (id: string) => ({ method: 'GET', operation: 'patient', params: { id } }) as const;
const keyed = (key: string, json: unknown, headers: Record<string, string> = {}) =>
  ({ method: 'POST', operation: 'claims', json, headers: { 'Idempotency-Key': key, ...headers } }) as const;

const scenarios: Scenario[] = [
  natural('missing_api_key', 'a request without a key', { ...listClaims, role: 'none' }),
  natural('invalid_api_key', 'a revoked key', { ...listClaims, role: 'revoked' }),
  natural('expired_api_key', 'a key past its expiry date', { ...listClaims, role: 'expired' }),
  {
    ...natural('forbidden_scope', 'a read-only key cannot create a claim', {
      method: 'POST',
      operation: 'claims',
      role: 'readOnly',
      json: claimBody,
    }),
    promises: [
      { kind: 'status', status: 403, quote: 'The key is valid but lacks scope or organization access.' },
    ],
  },
  natural(
    'organization_mismatch',
    "another organization's patient",
    patient(fact('otherOrganisationPatientId')),
  ),
  {
    ...natural(
      'missing_required_field',
      'a patient without lastName',
      createPatient({ lastName: undefined }),
    ),
    promises: [
      {
        kind: 'fieldDetails',
        field: 'lastName',
        quote: 'A required field was absent. param indicates which.',
      },
    ],
  },
  invalidClaim('invalid_field_type', 'a charge sent as a string', { totalChargeCents: '125.00' }),
  invalidClaim('invalid_enum_value', 'an unknown claim type', { claimType: 'dental' }),
  natural('invalid_uuid_format', 'a patient id that is not a UUID', patient('patient-42')),
  natural('invalid_date_format', 'a US-style birth date', createPatient({ dateOfBirth: '01/31/1990' })),
  invalidClaim('invalid_currency_amount', 'a charge with fractional cents', { totalChargeCents: 125.5 }),
  invalidClaim('field_value_too_long', 'notes longer than allowed', { notes: 'x'.repeat(MAX_NOTES + 1) }),
  invalidClaim('cross_field_constraint', 'discharge before admission', {
    admissionDate: '2026-03-10',
    dischargeDate: '2026-03-01',
  }),
  natural('resource_not_found', 'a stale patient id', patient(fact('staleId'))),
  natural('resource_deleted', 'a soft-deleted patient', patient(fact('deletedPatientId'))),
  natural(
    'resource_already_exists',
    'a second patient with the same externalId',
    createPatient({ externalId: fact('existingExternalId') }),
  ),
  natural(
    'idempotency_key_in_use',
    'the same key while the first write is still running',
    keyed('inflight-{{unique}}', claimBody),
    {
      background: keyed('inflight-{{unique}}', claimBody, { 'X-Simulator-Fault': 'delay=2000' }),
    },
  ),
  natural(
    'idempotency_key_mismatched_body',
    'the same key with a different body',
    keyed('reuse-{{unique}}', { ...claimBody, totalChargeCents: 99 }),
    { setup: [keyed('reuse-{{unique}}', claimBody)] },
  ),
  natural(
    'rate_limit_exceeded',
    'a key over its per-minute quota',
    { ...listClaims, role: 'rateLimited' },
    exhaust({ ...listClaims, role: 'rateLimited' }, 2),
  ),
  viaFault('payer_unavailable', 'the payer timed out', submitDraft),
  viaFault('payer_invalid_response', 'the payer answered with garbage', submitDraft),
  natural('payer_rejected', 'a payer that rejects the claim', {
    method: 'POST',
    operation: 'submitClaim',
    params: { id: fact('payerRejectedClaimId') },
  }),
  viaFault('internal_error', 'an unexpected server failure', submitDraft),
  viaFault('service_unavailable', 'a degraded downstream', submitDraft),
];

export const foresight: VendorScenarios = {
  vendorId: 'foresight',
  operations: {
    patients: { about: 'create a patient (POST)', path: '/v1/patients' },
    patient: { about: 'read patient {id}', path: '{{operations.patients}}/{id}' },
    claims: { about: 'list (GET) and create (POST) claims', path: '/v1/claims' },
    submitClaim: {
      about: 'submit claim {id} to its payer (POST)',
      path: '{{operations.claims}}/{id}/submit',
    },
  },
  facts: {
    patientId: { about: 'a patient of the valid key’s organisation' },
    payerId: { about: 'a payer a claim for patientId may name' },
    otherOrganisationPatientId: { about: 'a patient of another organisation' },
    deletedPatientId: { about: 'a soft-deleted patient of the organisation' },
    existingExternalId: { about: 'the externalId of an existing patient' },
    payerRejectedClaimId: { about: 'a claim its payer rejects on submission' },
    draftClaimId: { about: 'a claim to submit (used with injected faults: simulator only)' },
    staleId: { about: 'a patient id (a UUID) that does not exist', default: '{{uuid}}' },
  },
  scenarios,
  behaviour: {
    read: listClaims,
    create: {
      request: { method: 'POST', operation: 'claims', json: claimBody },
      otherJson: { ...claimBody, totalChargeCents: 9_900 },
      idPointer: '/id',
    },
  },
};
