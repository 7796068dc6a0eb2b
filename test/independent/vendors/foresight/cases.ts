/**
 * What Foresight's page promises, as cases this implementation is played against (see
 * `../../cases.ts`); each names the seeded bugs that change its answer.
 */
import type { Call } from '../../call.js';
import type { DocumentedCase, RateLimitCase, RequestIdOn } from '../../cases.js';
import type { BugId } from './bugs.js';

const claimForesight = {
  patientId: '{{facts.patientId}}',
  payerId: '{{facts.payerId}}',
  claimType: 'professional',
  totalChargeCents: 18_000,
};
const createClaim = (change: Record<string, unknown>): Call => ({
  operation: 'createClaim',
  json: { ...claimForesight, ...change },
});
const newPatient = {
  externalId: 'EXT-NEW-1',
  firstName: 'Lee',
  lastName: 'Moreau',
  dateOfBirth: '1988-11-02',
};
const foresightKeyed = (key: string, json: unknown): Call => ({
  operation: 'createClaim',
  headers: { 'Idempotency-Key': key },
  json,
});

export const cases: readonly DocumentedCase<BugId>[] = [
  {
    title: 'a request without a key',
    call: { operation: 'listClaims', role: 'none' },
    expect: { status: 401, code: 'missing_api_key' },
  },
  {
    title: 'a revoked key',
    call: { operation: 'listClaims', role: 'revoked' },
    expect: { status: 401, code: 'invalid_api_key' },
  },
  {
    title: 'a key past its expiry',
    call: { operation: 'listClaims', role: 'expired' },
    expect: { status: 401, code: 'expired_api_key' },
    bugs: ['foresight.expired-key-as-invalid'],
  },
  {
    title: 'a read-only key cannot create a claim',
    call: { ...createClaim({}), role: 'readOnly' },
    expect: { status: 403, code: 'forbidden_scope' },
    bugs: ['foresight.scope-as-401'],
  },
  {
    title: "another organization's patient is not visible",
    call: { operation: 'getPatient', params: { patientId: '{{facts.otherOrganizationPatientId}}' } },
    expect: { status: 404, code: 'organization_mismatch' },
  },
  {
    title: 'a patient without lastName',
    call: { operation: 'createPatient', json: { ...newPatient, lastName: undefined } },
    expect: { status: 422, code: 'missing_required_field' },
    bugs: ['foresight.missing-field-param-absent'],
  },
  {
    title: 'a charge sent as a string',
    call: createClaim({ totalChargeCents: '180.00' }),
    expect: { status: 422, code: 'invalid_field_type' },
  },
  {
    title: 'an unknown claim type',
    call: createClaim({ claimType: 'vision' }),
    expect: { status: 422, code: 'invalid_enum_value' },
  },
  {
    title: 'a patient id that is not a UUID',
    call: { operation: 'getPatient', params: { patientId: '{{facts.notAUuid}}' } },
    expect: { status: 422, code: 'invalid_uuid_format' },
  },
  {
    title: 'a US-style birth date',
    call: { operation: 'createPatient', json: { ...newPatient, dateOfBirth: '11/02/1988' } },
    expect: { status: 422, code: 'invalid_date_format' },
  },
  {
    title: 'a charge with fractional cents',
    call: createClaim({ totalChargeCents: 180.5 }),
    expect: { status: 422, code: 'invalid_currency_amount' },
  },
  {
    title: 'notes longer than allowed',
    call: createClaim({ notes: 'n'.repeat(501) }),
    expect: { status: 422, code: 'field_value_too_long' },
  },
  {
    title: 'discharge before admission',
    call: createClaim({ admissionDate: '2026-04-10', dischargeDate: '2026-04-01' }),
    expect: { status: 422, code: 'cross_field_constraint' },
  },
  {
    title: 'a stale patient id',
    call: { operation: 'getPatient', params: { patientId: '{{facts.unknownPatientId}}' } },
    expect: { status: 404, code: 'resource_not_found' },
  },
  {
    title: 'a soft-deleted patient is gone',
    call: { operation: 'getPatient', params: { patientId: '{{facts.deletedPatientId}}' } },
    expect: { status: 410, code: 'resource_deleted' },
  },
  {
    title: 'a second patient with the same externalId',
    call: { operation: 'createPatient', json: { ...newPatient, externalId: '{{facts.patientExternalId}}' } },
    expect: { status: 409, code: 'resource_already_exists' },
  },
  {
    title: 'the same key with a different body',
    before: [{ call: foresightKeyed('fs-reuse', claimForesight) }],
    call: foresightKeyed('fs-reuse', { ...claimForesight, totalChargeCents: 99 }),
    expect: { status: 409, code: 'idempotency_key_mismatched_body' },
    bugs: ['foresight.mismatched-key-replays'],
  },
  {
    title: 'a key over its quota, with Retry-After',
    before: [{ call: { operation: 'listClaims', role: 'rateLimited' }, times: 2 }],
    call: { operation: 'listClaims', role: 'rateLimited' },
    expect: { status: 429, code: 'rate_limit_exceeded' },
    headers: ['retry-after'],
    bugs: ['foresight.rate-limit-without-retry-after'],
  },
  {
    title: 'a payer that times out',
    call: { operation: 'submitClaim', params: { claimId: '{{facts.payerDownClaimId}}' } },
    expect: { status: 504, code: 'payer_unavailable' },
    bugs: ['foresight.payer-unavailable-400'],
  },
  {
    title: 'a payer that answers garbage',
    call: { operation: 'submitClaim', params: { claimId: '{{facts.payerGarbledClaimId}}' } },
    expect: { status: 502, code: 'payer_invalid_response' },
  },
  {
    title: 'a payer that rejects the claim',
    call: { operation: 'submitClaim', params: { claimId: '{{facts.payerRejectsClaimId}}' } },
    expect: { status: 422, code: 'payer_rejected' },
  },
  {
    title: 'the always-failing patient',
    call: { operation: 'getPatient', params: { patientId: '{{facts.failingPatientId}}' } },
    expect: { status: 500, code: 'internal_error' },
  },
  {
    title: 'a degraded downstream',
    call: { operation: 'submitClaim', params: { claimId: '{{facts.degradedClaimId}}' } },
    expect: { status: 503, code: 'service_unavailable' },
  },
  { title: 'a claim is created', call: createClaim({}), expect: { status: 201 } },
];

/** Which error answers carry a request id here: every error answer carries a request id. */
export const requestIdOn: RequestIdOn = 'every error';

/** Its quota, played by the rate-limit tests. */
export const rateLimit: RateLimitCase = {
  operation: 'listClaims',
  header: 'retry-after',
  // Retry-After rounds the wait for the next token up to whole seconds.
  early: { refillMs: 900, advertised: '1', waitMs: 950 },
};
