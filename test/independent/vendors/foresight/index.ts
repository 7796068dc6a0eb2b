/**
 * Foresight, written from its error page alone (an X-API-Key claims API whose errors are
 * `{ error: { type, code, message, param?, requestId, docsUrl } }`).
 *
 * Readings chosen where the page leaves room (each differs from the project's simulator on purpose):
 * | question the docs leave open                  | reading here                                       |
 * |-----------------------------------------------|----------------------------------------------------|
 * | routes                                        | `/fsx/v2/patients/{patientId}`, `/fsx/v2/claims`,  |
 * |                                               | `/fsx/v2/claims/{claimId}/submission`              |
 * | key form                                      | `Authorization: Bearer fsk_...` accepted as well   |
 * |                                               | as X-API-Key; keys `fsk_sbx_<random>`              |
 * | requestId form (one ULID example)             | a lower-case UUID                                  |
 * | status of the validation codes (none given)   | 422 for all of them                                |
 * | status of resource_deleted                    | 410 Gone                                           |
 * | status of organization_mismatch               | 404, as the status table allows ("your org can't see it") |
 * | status of payer_unavailable                   | 504 (the payer timed out)                          |
 * | a reused key with another body                | 409 idempotency_key_mismatched_body                |
 * | a reused key while the first write runs       | 409 idempotency_key_in_use; a claim for the slow   |
 * |                                               | payer takes 1.5 s, which keeps it running           |
 * | replay of a finished write                    | the original answer, status and body              |
 * | rate-limit headers on other answers           | none: only a 429 carries Retry-After                |
 * | 5xx codes                                     | magic payer ids and a magic patient id (below)     |
 */

import { headerCredentials } from '../../kit/credentials.js';
import { json, type Outgoing, parseJsonBody } from '../../kit/http.js';
import { fingerprintOf, IdempotencyKeys } from '../../kit/idempotency.js';
import { secret, uuid } from '../../kit/ids.js';
import { findRoute, operationsOf, type Route } from '../../kit/router.js';
import { TokenBucket } from '../../kit/token-bucket.js';
import type { IndependentVendor, VendorContext } from '../../types.js';
import type { BugId } from './bugs.js';

const VALIDATION = 422;
/** Code → status and the envelope's `type`, from the page's code groups. */
const CODES: Record<string, [number, string]> = {
  missing_api_key: [401, 'authentication_error'],
  invalid_api_key: [401, 'authentication_error'],
  expired_api_key: [401, 'authentication_error'],
  forbidden_scope: [403, 'permission_error'],
  organization_mismatch: [404, 'permission_error'],
  missing_required_field: [VALIDATION, 'validation_error'],
  invalid_field_type: [VALIDATION, 'validation_error'],
  invalid_enum_value: [VALIDATION, 'validation_error'],
  invalid_uuid_format: [VALIDATION, 'validation_error'],
  invalid_date_format: [VALIDATION, 'validation_error'],
  invalid_currency_amount: [VALIDATION, 'validation_error'],
  field_value_too_long: [VALIDATION, 'validation_error'],
  cross_field_constraint: [VALIDATION, 'validation_error'],
  resource_not_found: [404, 'not_found_error'],
  resource_deleted: [410, 'not_found_error'],
  resource_already_exists: [409, 'conflict_error'],
  idempotency_key_in_use: [409, 'conflict_error'],
  idempotency_key_mismatched_body: [409, 'conflict_error'],
  rate_limit_exceeded: [429, 'rate_limit_error'],
  payer_unavailable: [504, 'payer_error'],
  payer_invalid_response: [502, 'payer_error'],
  payer_rejected: [422, 'payer_error'],
  internal_error: [500, 'server_error'],
  service_unavailable: [503, 'server_error'],
};
const PREFIX = '/fsx/v2';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLAIM_TYPES = ['professional', 'institutional'];
const MAX_NOTES = 500;
const SLOW_WRITE_MS = 1_500;

interface Key {
  organization: string;
  scopes: readonly string[];
  state: 'active' | 'revoked' | 'expired';
  limited: boolean;
}
interface Patient {
  id: string;
  organization: string;
  externalId: string;
  deleted: boolean;
}
interface Ctx {
  key: Key;
  principal: string;
}
type Check = { code: string; message: string; param?: string } | undefined;

export function createVendor({ bugs, now, rateLimitRefillMs }: VendorContext): IndependentVendor {
  const has = (bug: BugId) => bugs.has(bug);
  const orgs = { own: uuid(), other: uuid() };
  const keyOf = () => `fsk_sbx_${secret()}`;
  const tokens = {
    valid: keyOf(),
    readOnly: keyOf(),
    otherOrganisation: keyOf(),
    expired: keyOf(),
    revoked: keyOf(),
    rateLimited: keyOf(),
  };
  const all = ['patients:read', 'patients:write', 'claims:read', 'claims:write'];
  const keys = new Map<string, Key>([
    [tokens.valid, { organization: orgs.own, scopes: all, state: 'active', limited: false }],
    [
      tokens.readOnly,
      { organization: orgs.own, scopes: ['patients:read', 'claims:read'], state: 'active', limited: false },
    ],
    [tokens.otherOrganisation, { organization: orgs.other, scopes: all, state: 'active', limited: false }],
    [tokens.expired, { organization: orgs.own, scopes: all, state: 'expired', limited: false }],
    [tokens.revoked, { organization: orgs.own, scopes: all, state: 'revoked', limited: false }],
    [tokens.rateLimited, { organization: orgs.own, scopes: all, state: 'active', limited: true }],
  ]);
  const ids = { patient: uuid(), otherPatient: uuid(), deletedPatient: uuid(), failingPatient: uuid() };
  const patients = new Map<string, Patient>([
    [ids.patient, { id: ids.patient, organization: orgs.own, externalId: 'EXT-44-0001', deleted: false }],
    [
      ids.otherPatient,
      { id: ids.otherPatient, organization: orgs.other, externalId: 'EXT-77-0001', deleted: false },
    ],
    [
      ids.deletedPatient,
      { id: ids.deletedPatient, organization: orgs.own, externalId: 'EXT-44-0002', deleted: true },
    ],
    [
      ids.failingPatient,
      { id: ids.failingPatient, organization: orgs.own, externalId: 'EXT-44-0003', deleted: false },
    ],
  ]);
  /** Payers by what they do to a submitted claim. */
  const payers = {
    accepting: 'PYR-ACCEPTS',
    rejecting: 'PYR-REJECTS',
    down: 'PYR-TIMEOUT',
    garbled: 'PYR-GARBLED',
    degraded: 'PYR-DEGRADED',
    slow: 'PYR-SLOW',
  };
  const claims = new Map<string, { id: string; organization: string; payerId: string }>();
  const seededClaims: Record<string, string> = {};
  for (const [name, payerId] of Object.entries(payers)) {
    const id = uuid();
    claims.set(id, { id, organization: orgs.own, payerId });
    seededClaims[name] = id;
  }
  const idempotency = new IdempotencyKeys();
  const bucket = new TokenBucket(2, rateLimitRefillMs, now);

  const fail = (
    code: string,
    message: string,
    param?: string,
    headers: Record<string, string> = {},
  ): Outgoing => {
    const [documented, type] = CODES[code] ?? [500, 'server_error'];
    const status =
      (code === 'payer_unavailable' && has('foresight.payer-unavailable-400') && 400) ||
      (code === 'forbidden_scope' && has('foresight.scope-as-401') && 401) ||
      documented;
    const dropParam = code === 'missing_required_field' && has('foresight.missing-field-param-absent');
    return json(
      status,
      {
        error: {
          type,
          code,
          message,
          ...(param === undefined || dropParam ? {} : { param }),
          requestId: uuid(),
          docsUrl: `https://docs.have-foresight.app/guides/errors#${code}`,
        },
      },
      headers,
    );
  };
  const failWith = (check: NonNullable<Check>) => fail(check.code, check.message, check.param);
  const need = (scope: string, ctx: Ctx) =>
    ctx.key.scopes.includes(scope)
      ? undefined
      : fail('forbidden_scope', `This key lacks the ${scope} scope.`);

  const object = (raw: Buffer): Record<string, unknown> | undefined => {
    const parsed = parseJsonBody(raw);
    const value = parsed.ok ? parsed.value : undefined;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  };

  function patientProblem(input: Record<string, unknown>): Check {
    for (const field of ['externalId', 'firstName', 'lastName', 'dateOfBirth'])
      if (input[field] === undefined)
        return { code: 'missing_required_field', message: `${field} is required.`, param: field };
    if (typeof input.dateOfBirth !== 'string' || !ISO_DATE.test(input.dateOfBirth))
      return {
        code: 'invalid_date_format',
        message: 'dateOfBirth must be an ISO 8601 date.',
        param: 'dateOfBirth',
      };
    return undefined;
  }

  function claimProblem(input: Record<string, unknown>): Check {
    for (const field of ['patientId', 'payerId', 'claimType', 'totalChargeCents'])
      if (input[field] === undefined)
        return { code: 'missing_required_field', message: `${field} is required.`, param: field };
    if (typeof input.patientId !== 'string' || !UUID.test(input.patientId))
      return { code: 'invalid_uuid_format', message: 'patientId must be a UUID.', param: 'patientId' };
    if (typeof input.totalChargeCents === 'string')
      return {
        code: 'invalid_field_type',
        message: 'totalChargeCents must be a number.',
        param: 'totalChargeCents',
      };
    if (typeof input.totalChargeCents !== 'number' || !Number.isInteger(input.totalChargeCents))
      return {
        code: 'invalid_currency_amount',
        message: 'totalChargeCents must be whole cents.',
        param: 'totalChargeCents',
      };
    if (typeof input.claimType !== 'string' || !CLAIM_TYPES.includes(input.claimType))
      return {
        code: 'invalid_enum_value',
        message: `claimType must be one of ${CLAIM_TYPES.join(', ')}.`,
        param: 'claimType',
      };
    if (typeof input.notes === 'string' && input.notes.length > MAX_NOTES)
      return {
        code: 'field_value_too_long',
        message: `notes may hold ${MAX_NOTES} characters.`,
        param: 'notes',
      };
    for (const field of ['admissionDate', 'dischargeDate'])
      if (
        input[field] !== undefined &&
        (typeof input[field] !== 'string' || !ISO_DATE.test(input[field] as string))
      )
        return { code: 'invalid_date_format', message: `${field} must be an ISO 8601 date.`, param: field };
    if (
      typeof input.admissionDate === 'string' &&
      typeof input.dischargeDate === 'string' &&
      input.dischargeDate < input.admissionDate
    )
      return {
        code: 'cross_field_constraint',
        message: 'dischargeDate is before admissionDate.',
        param: 'dischargeDate',
      };
    return undefined;
  }

  const visiblePatient = (id: string, ctx: Ctx): Patient | Outgoing => {
    if (!UUID.test(id)) return fail('invalid_uuid_format', 'patientId must be a UUID.', 'patientId');
    const found = patients.get(id);
    if (!found) return fail('resource_not_found', 'No patient has that id.');
    if (found.organization !== ctx.key.organization)
      return fail('organization_mismatch', 'That patient belongs to another organization.');
    if (found.deleted) return fail('resource_deleted', 'That patient was deleted.');
    if (found.id === ids.failingPatient) return fail('internal_error', 'Something failed on our side.');
    return found;
  };

  function createClaim(input: Record<string, unknown>, ctx: Ctx): Outgoing {
    const problem = claimProblem(input);
    if (problem) return failWith(problem);
    const patient = visiblePatient(input.patientId as string, ctx);
    if (!('externalId' in patient)) return patient;
    const claim = { id: uuid(), organization: ctx.key.organization, payerId: String(input.payerId) };
    claims.set(claim.id, claim);
    const answer = json(201, {
      id: claim.id,
      status: 'draft',
      payerId: claim.payerId,
      totalChargeCents: input.totalChargeCents,
    });
    return claim.payerId === payers.slow ? { ...answer, delayMs: SLOW_WRITE_MS } : answer;
  }

  const routes: Route<Ctx>[] = [
    {
      operation: 'listClaims',
      method: 'GET',
      template: `${PREFIX}/claims`,
      handle: (_r, _p, ctx) =>
        need('claims:read', ctx) ??
        json(200, {
          data: [...claims.values()]
            .filter((c) => c.organization === ctx.key.organization)
            .map(({ id, payerId }) => ({ id, payerId })),
        }),
    },
    {
      operation: 'createClaim',
      method: 'POST',
      template: `${PREFIX}/claims`,
      handle: (request, _p, ctx) => {
        const denied = need('claims:write', ctx);
        if (denied) return denied;
        const input = object(request.body);
        if (!input) return fail('invalid_field_type', 'The body must be a JSON object.');
        const key = request.headers['idempotency-key'];
        if (key === undefined) return createClaim(input, ctx);
        const fingerprint = fingerprintOf(request.method, request.path, request.body);
        const seen = idempotency.get(ctx.principal, key);
        if (seen?.state === 'running')
          return fail('idempotency_key_in_use', 'A write with this key is still running.');
        if (seen && seen.fingerprint !== fingerprint && !has('foresight.mismatched-key-replays'))
          return fail('idempotency_key_mismatched_body', 'This key was used with another body.');
        if (seen?.state === 'done') return seen.answer;
        const answer = createClaim(input, ctx);
        if (answer.delayMs) {
          // The key stays running until the held answer goes out; a second use meanwhile is in_use.
          idempotency.set(ctx.principal, key, { state: 'running', fingerprint });
          const { delayMs: _held, ...finished } = answer;
          return {
            ...answer,
            settle: () =>
              idempotency.set(ctx.principal, key, { state: 'done', fingerprint, answer: finished }),
          };
        }
        idempotency.set(ctx.principal, key, { state: 'done', fingerprint, answer });
        return answer;
      },
    },
    {
      operation: 'submitClaim',
      method: 'POST',
      template: `${PREFIX}/claims/{claimId}/submission`,
      handle: (_r, params, ctx) => {
        const denied = need('claims:write', ctx);
        if (denied) return denied;
        if (!UUID.test(params.claimId ?? ''))
          return fail('invalid_uuid_format', 'claimId must be a UUID.', 'claimId');
        const claim = claims.get(params.claimId ?? '');
        if (!claim) return fail('resource_not_found', 'No claim has that id.');
        if (claim.organization !== ctx.key.organization)
          return fail('organization_mismatch', 'That claim belongs to another organization.');
        switch (claim.payerId) {
          case payers.rejecting:
            return fail('payer_rejected', 'The payer rejected the claim (277CA).');
          case payers.down:
            return fail('payer_unavailable', 'The payer did not answer in time.');
          case payers.garbled:
            return fail('payer_invalid_response', 'The payer answer could not be read.');
          case payers.degraded:
            return fail('service_unavailable', 'A downstream service is degraded.');
          default:
            return json(202, { id: claim.id, status: 'submitted' });
        }
      },
    },
    {
      operation: 'createPatient',
      method: 'POST',
      template: `${PREFIX}/patients`,
      handle: (request, _p, ctx) => {
        const denied = need('patients:write', ctx);
        if (denied) return denied;
        const input = object(request.body);
        if (!input) return fail('invalid_field_type', 'The body must be a JSON object.');
        const problem = patientProblem(input);
        if (problem) return failWith(problem);
        const exists = [...patients.values()].some(
          (p) => p.organization === ctx.key.organization && p.externalId === input.externalId && !p.deleted,
        );
        if (exists)
          return fail('resource_already_exists', 'A patient with this externalId exists.', 'externalId');
        const patient: Patient = {
          id: uuid(),
          organization: ctx.key.organization,
          externalId: String(input.externalId),
          deleted: false,
        };
        patients.set(patient.id, patient);
        return json(201, { id: patient.id, externalId: patient.externalId });
      },
    },
    {
      operation: 'getPatient',
      method: 'GET',
      template: `${PREFIX}/patients/{patientId}`,
      handle: (_r, params, ctx) => {
        const denied = need('patients:read', ctx);
        if (denied) return denied;
        const found = visiblePatient(params.patientId ?? '', ctx);
        return 'externalId' in found ? json(200, { id: found.id, externalId: found.externalId }) : found;
      },
    },
  ];

  const authenticate = (headers: Readonly<Record<string, string>>): Ctx | Outgoing => {
    const presented = headers['x-api-key'] ?? /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
    if (presented === undefined) return fail('missing_api_key', 'Send your key in X-API-Key.');
    const key = keys.get(presented);
    if (!key || key.state === 'revoked') return fail('invalid_api_key', 'The key is not valid.');
    if (key.state === 'expired')
      return has('foresight.expired-key-as-invalid')
        ? fail('invalid_api_key', 'The key is not valid.')
        : fail('expired_api_key', 'The key has expired.');
    const refused = key.limited
      ? bucket.refuse(presented, has('foresight.rate-limit-without-retry-after') ? null : 'retry-after')
      : undefined;
    if (refused) return fail('rate_limit_exceeded', 'Too many requests for this key.', undefined, refused);
    return { key, principal: presented };
  };

  return {
    handler: {
      handle(request) {
        const ctx = authenticate(request.headers);
        if (!('principal' in ctx)) return ctx;
        const match = findRoute(routes, request.method, request.path);
        if (!match) return fail('resource_not_found', 'No such resource.');
        return match.route.handle(request, match.params, ctx);
      },
    },
    describe: (baseUrl) => ({
      baseUrl,
      operations: operationsOf(routes as Route<unknown>[]),
      credentials: headerCredentials('X-API-Key', tokens),
      facts: {
        organizationId: orgs.own,
        patientId: ids.patient,
        patientExternalId: 'EXT-44-0001',
        otherOrganizationPatientId: ids.otherPatient,
        deletedPatientId: ids.deletedPatient,
        unknownPatientId: uuid(),
        notAUuid: 'patient-0042',
        payerId: payers.accepting,
        slowPayerId: payers.slow,
        claimId: seededClaims.accepting as string,
        payerRejectsClaimId: seededClaims.rejecting as string,
        payerDownClaimId: seededClaims.down as string,
        payerGarbledClaimId: seededClaims.garbled as string,
        degradedClaimId: seededClaims.degraded as string,
        failingPatientId: ids.failingPatient,
        maxNotesLength: String(MAX_NOTES),
      },
      magic: [
        { fact: 'payerDownClaimId', operation: 'submitClaim', provokes: 'payer_unavailable', status: 504 },
        {
          fact: 'payerGarbledClaimId',
          operation: 'submitClaim',
          provokes: 'payer_invalid_response',
          status: 502,
        },
        { fact: 'degradedClaimId', operation: 'submitClaim', provokes: 'service_unavailable', status: 503 },
        { fact: 'failingPatientId', operation: 'getPatient', provokes: 'internal_error', status: 500 },
      ],
      limits: { rateLimitCapacity: 2, rateLimitRefillMs, slowWriteMs: SLOW_WRITE_MS },
    }),
  };
}
