import { exhaust, fact, natural, viaFault } from '../data.js';
import type { BodyDerivation, Scenario, ScenarioRequest, VendorScenarios } from '../types.js';

const submitDraft = { operation: 'submitClaim', params: { id: fact('draftClaimId') } } as const;
const record = (id: string) => ({ operation: 'record', params: { id } }) as const;
/** A single-record read (every sandbox has one; no list endpoint is assumed): a record of the organisation. */
const readRecord = record(fact('recordId'));
const claim = (body: BodyDerivation = {}, more: Partial<ScenarioRequest> = {}): ScenarioRequest => ({
  operation: 'claims',
  body,
  ...more,
});
const invalidClaim = (code: string, title: string, body: BodyDerivation) => natural(code, title, claim(body));
const createPatient = (body: BodyDerivation): ScenarioRequest => ({ operation: 'patients', body });
const keyed = (key: string, body: BodyDerivation, headers: Record<string, string> = {}) =>
  claim(body, { headers: { 'Idempotency-Key': key, ...headers } });

const documentedScenarios: Scenario[] = [
  natural('missing_api_key', 'a request without a key', { ...readRecord, role: 'none' }),
  natural('invalid_api_key', 'a revoked key', { ...readRecord, role: 'revoked' }),
  natural('expired_api_key', 'a key past its expiry date', { ...readRecord, role: 'expired' }),
  {
    ...natural(
      'forbidden_scope',
      'a key without the write scope cannot create a claim',
      claim({}, { role: 'readOnly' }),
    ),
    promises: [
      { kind: 'status', status: 403, quote: 'The key is valid but lacks scope or organization access.' },
    ],
  },
  natural(
    'organization_mismatch',
    "another organization's record",
    record(fact('otherOrganisationRecordId')),
  ),
  {
    ...invalidClaim('missing_required_field', 'a claim without a required field', {
      omit: [fact('requiredField')],
    }),
    // The field at fault is the one the request left out (the resolver fills it in).
    promises: [{ kind: 'fieldDetails', quote: 'A required field was absent. param indicates which.' }],
  },
  invalidClaim('invalid_field_type', 'an integer cents field sent as a string', {
    set: { [fact('centsField')]: '125.00' },
  }),
  invalidClaim('invalid_enum_value', 'a value outside an enum', {
    set: { [fact('enumField')]: 'not_a_listed_value' },
  }),
  invalidClaim('invalid_uuid_format', 'a field that must be a UUID, given another value', {
    set: { [fact('uuidField')]: 'not-a-uuid' },
  }),
  natural(
    'invalid_date_format',
    'a date that is not ISO 8601',
    createPatient({ set: { [fact('dateField')]: '01/31/1990' } }),
  ),
  invalidClaim('invalid_currency_amount', 'a charge with fractional cents', {
    set: { [fact('centsField')]: 125.5 },
  }),
  invalidClaim('field_value_too_long', 'a string longer than its field allows', {
    overLength: { field: fact('longTextField'), length: fact('longTextMaxLength') },
  }),
  invalidClaim('cross_field_constraint', 'discharge before admission (the doc’s own example)', {
    set: { admissionDate: '2026-03-10', dischargeDate: '2026-03-01' },
  }),
  natural('resource_not_found', 'a stale record id', record(fact('staleId'))),
  natural('resource_deleted', 'a soft-deleted record', record(fact('deletedRecordId'))),
  natural(
    'resource_already_exists',
    'a second record with a value that must be unique',
    createPatient({ set: { [fact('uniqueField')]: fact('existingUniqueValue') } }),
  ),
  natural(
    'idempotency_key_in_use',
    'the same key while the first write is still running',
    keyed('inflight-{{unique}}', {}),
    { background: keyed('inflight-{{unique}}', {}, { 'X-Simulator-Fault': 'delay=2000' }) },
  ),
  natural(
    'idempotency_key_mismatched_body',
    'the same key with a different body',
    keyed('reuse-{{unique}}', { change: fact('mutableField') }),
    { setup: [keyed('reuse-{{unique}}', {})] },
  ),
  natural(
    'rate_limit_exceeded',
    'a key over its per-minute quota',
    { ...readRecord, role: 'rateLimited' },
    exhaust({ ...readRecord, role: 'rateLimited' }, 2),
  ),
  viaFault('payer_unavailable', 'the payer timed out', submitDraft),
  viaFault('payer_invalid_response', 'the payer answered with garbage', submitDraft),
  natural('payer_rejected', 'a payer that rejects the claim', {
    operation: 'submitClaim',
    params: { id: fact('payerRejectedClaimId') },
    body: {},
  }),
  viaFault('internal_error', 'an unexpected server failure', submitDraft),
  viaFault('service_unavailable', 'a degraded downstream', submitDraft),
];

/** A field of the claim example the docs do not name: the check that needs it says so. */
const claimField = (what: string) => ({ about: `${what} of the claims body (the docs name none)` });

export const scenarios: VendorScenarios = {
  vendorId: 'foresight',
  operations: {
    patients: {
      about:
        'create a record with a field that must be unique, with a body that succeeds (reference: a patient)',
      method: 'POST',
      path: '/v1/patients',
      body: {
        externalId: 'MRN-{{unique}}',
        firstName: 'Ada',
        lastName: 'Example',
        dateOfBirth: '1990-01-31',
      },
      idPointer: '/id',
    },
    record: {
      about: 'read one record {id} of the organisation (reference: a patient)',
      method: 'GET',
      path: '{{operations.patients}}/{id}',
    },
    claims: {
      about: 'create a claim for patientId, with a body that succeeds',
      method: 'POST',
      path: '/v1/claims',
      body: {
        patientId: fact('patientId'),
        payerId: fact('payerId'),
        claimType: 'professional',
        totalChargeCents: 12_500,
      },
      idPointer: '/id',
    },
    submitClaim: {
      about: 'send claim {id} (or the body’s payer) to the payer',
      method: 'POST',
      path: '{{operations.claims}}/{id}/submit',
    },
  },
  facts: {
    patientId: { about: 'a patient of the valid key’s organisation, for the claims body' },
    payerId: { about: 'a payer a claim for patientId may name' },
    recordId: { about: 'a record of the organisation the record read returns' },
    otherOrganisationRecordId: { about: 'a record of another organisation' },
    deletedRecordId: { about: 'a soft-deleted record of the organisation' },
    payerRejectedClaimId: {
      about:
        'what submitClaim sends for a payer that rejects it: the claim id in its path, or a payer id in its body',
    },
    draftClaimId: { about: 'a claim to submit (used with injected faults: simulator only)' },
    staleId: { about: 'a record id that does not exist', default: '{{uuid}}' },
    uuidField: claimField('a field that must hold a UUID'),
    requiredField: {
      about: 'a required field of the claims body; the doc’s example names patientId',
      default: 'patientId',
    },
    centsField: claimField('an integer cents field'),
    enumField: claimField('a field whose value must come from an enum'),
    longTextField: claimField('a string field with a length limit'),
    longTextMaxLength: { about: 'that field’s maximum length, in characters' },
    mutableField: claimField('a field a second claim may hold another value in (same key, another body)'),
    dateField: { about: 'a date field of the patients body (the docs name none)' },
    uniqueField: { about: 'a field of the patients body that must be unique (the docs name none)' },
    existingUniqueValue: { about: 'the value an existing record holds in uniqueField' },
  },
  scenarios: documentedScenarios,
  behaviour: {
    read: readRecord,
    create: { request: claim(), other: claim({ change: fact('mutableField') }) },
  },
  preflight: readRecord,
};
