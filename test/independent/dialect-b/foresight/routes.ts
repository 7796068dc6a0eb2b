import { type Answer, emptyAnswer, jsonAnswer } from '../kit/answer.js';
import type { Route } from '../kit/router.js';
import { errorAnswer, type ForesightError } from './answers.js';
import type { ForesightBugId } from './bugs.js';
import {
  CLAIM_TYPES,
  type Claim,
  type ForesightKey,
  type ForesightState,
  MAGIC_PAYERS,
  type Scope,
} from './state.js';
import { type FieldSpec, firstFieldError } from './validate.js';

export interface ForesightCall {
  key: ForesightKey;
  params: Record<string, string>;
  body: unknown;
  requestId: string;
  state: ForesightState;
  bug: (id: ForesightBugId) => boolean;
  /** Resolves when the write may go on; only writes on the slow payer are ever held. */
  hold: () => Promise<void>;
}

export interface ForesightHandler {
  scope: Scope;
  readsBody: boolean;
  run(call: ForesightCall): Answer | Promise<Answer>;
}

/** The bugs that bend validation answers, applied where validation answers are made. */
function validationAnswer(call: ForesightCall, error: ForesightError): Answer {
  let shown = error;
  if (error.code === 'missing_required_field' && call.bug('foresight.missing-field-no-param')) {
    const { param: _param, ...rest } = error;
    shown = rest;
  }
  if (error.code === 'invalid_currency_amount' && call.bug('foresight.fractional-cents-type-error')) {
    shown = { ...error, code: 'invalid_field_type' };
  }
  return errorAnswer(call.requestId, shown);
}

function visiblePatient(call: ForesightCall, patientId: string): Answer | undefined {
  const owner = call.state.patients.get(patientId);
  if (owner === undefined) {
    return errorAnswer(call.requestId, {
      code: 'resource_not_found',
      message: `Patient ${patientId} does not exist.`,
      param: 'patientId',
    });
  }
  if (owner !== call.key.orgId) {
    return errorAnswer(call.requestId, {
      code: 'organization_mismatch',
      message: 'The patient belongs to a different organization.',
      param: 'patientId',
    });
  }
  return undefined;
}

function visibleClaim(call: ForesightCall): Claim | Answer {
  const raw = call.params.claimId ?? '';
  if (!/^\d{1,12}$/.test(raw)) {
    return errorAnswer(call.requestId, {
      code: 'invalid_field_type',
      message: 'Claim ids are integers.',
      param: 'claimId',
    });
  }
  const claim = call.state.claims.get(Number(raw));
  if (claim === undefined) {
    return errorAnswer(call.requestId, {
      code: 'resource_not_found',
      message: `Claim ${raw} does not exist.`,
    });
  }
  if (claim.orgId !== call.key.orgId) {
    return errorAnswer(call.requestId, {
      code: 'organization_mismatch',
      message: 'The claim belongs to a different organization.',
    });
  }
  if (claim.deleted) {
    const code = call.bug('foresight.deleted-as-not-found') ? 'resource_not_found' : 'resource_deleted';
    return errorAnswer(call.requestId, { code, message: `Claim ${raw} has been deleted.` });
  }
  if (claim.broken)
    return errorAnswer(call.requestId, { code: 'internal_error', message: 'Unexpected server error.' });
  return claim;
}

const isClaim = (value: Claim | Answer): value is Claim => 'orgId' in value;

const CLAIM_FIELDS: Record<string, FieldSpec> = {
  patientId: { rule: { kind: 'uuid' }, required: true },
  claimType: { rule: { kind: 'enum', values: CLAIM_TYPES }, required: true },
  totalChargeCents: { rule: { kind: 'cents' }, required: true },
  admissionDate: { rule: { kind: 'date' }, required: true },
  dischargeDate: { rule: { kind: 'date' }, required: false },
  externalId: { rule: { kind: 'text', max: 64 }, required: true },
  memo: { rule: { kind: 'text', max: 500 }, required: false },
};

const ELIGIBILITY_FIELDS: Record<string, FieldSpec> = {
  patientId: { rule: { kind: 'uuid' }, required: true },
  payerId: { rule: { kind: 'text', max: 10 }, required: true },
  serviceDate: { rule: { kind: 'date' }, required: true },
};

/** What the clearinghouse leg answers for the sandbox's magic payers. */
const PAYER_FAILURES: Record<string, ForesightError> = {
  [MAGIC_PAYERS.unavailablePayerId]: {
    code: 'payer_unavailable',
    message: 'The payer did not answer in time.',
  },
  [MAGIC_PAYERS.garbledPayerId]: {
    code: 'payer_invalid_response',
    message: 'The payer answer could not be read.',
  },
  [MAGIC_PAYERS.rejectingPayerId]: {
    code: 'payer_rejected',
    message: 'The payer rejected the inquiry (AAA 72).',
  },
  [MAGIC_PAYERS.degradedPayerId]: {
    code: 'service_unavailable',
    message: 'The eligibility service is degraded.',
  },
};

export const FORESIGHT_ROUTES: Route<ForesightHandler>[] = [
  {
    method: 'POST',
    pattern: '/v1/claims',
    handler: {
      scope: 'claims:write',
      readsBody: true,
      run(call) {
        const invalid = firstFieldError(call.body, CLAIM_FIELDS);
        if (invalid !== undefined) return validationAnswer(call, invalid);
        const body = call.body as Omit<Claim, 'id' | 'orgId' | 'deleted' | 'broken'>;
        if (
          body.dischargeDate !== undefined &&
          Date.parse(body.dischargeDate) < Date.parse(body.admissionDate)
        ) {
          return validationAnswer(call, {
            code: 'cross_field_constraint',
            message: 'Field `dischargeDate` is before `admissionDate`.',
            param: 'dischargeDate',
          });
        }
        const hidden = visiblePatient(call, body.patientId);
        if (hidden !== undefined) return hidden;
        const taken = [...call.state.claims.values()].some(
          (claim) => claim.orgId === call.key.orgId && claim.externalId === body.externalId,
        );
        if (taken) {
          return errorAnswer(call.requestId, {
            code: 'resource_already_exists',
            message: `A claim with externalId ${body.externalId} already exists.`,
            param: 'externalId',
          });
        }
        const claim: Claim = {
          ...body,
          id: call.state.nextId(),
          orgId: call.key.orgId,
          deleted: false,
          broken: false,
        };
        call.state.claims.set(claim.id, claim);
        const { broken: _broken, deleted: _deleted, ...view } = claim;
        return jsonAnswer(
          201,
          { claim: view },
          { 'x-request-id': call.requestId, location: `/v1/claims/${claim.id}` },
        );
      },
    },
  },
  {
    method: 'GET',
    pattern: '/v1/claims/{claimId}',
    handler: {
      scope: 'claims:read',
      readsBody: false,
      run(call) {
        const claim = visibleClaim(call);
        if (!isClaim(claim)) return claim;
        const { broken: _broken, deleted: _deleted, ...view } = claim;
        return jsonAnswer(200, { claim: view }, { 'x-request-id': call.requestId });
      },
    },
  },
  {
    method: 'DELETE',
    pattern: '/v1/claims/{claimId}',
    handler: {
      scope: 'claims:write',
      readsBody: false,
      run(call) {
        const claim = visibleClaim(call);
        if (!isClaim(claim)) return claim;
        claim.deleted = true;
        return emptyAnswer(204, { 'x-request-id': call.requestId });
      },
    },
  },
  {
    method: 'POST',
    pattern: '/v1/eligibility-checks',
    handler: {
      scope: 'eligibility:write',
      readsBody: true,
      async run(call) {
        const invalid = firstFieldError(call.body, ELIGIBILITY_FIELDS);
        if (invalid !== undefined) return validationAnswer(call, invalid);
        const body = call.body as { patientId: string; payerId: string; serviceDate: string };
        const hidden = visiblePatient(call, body.patientId);
        if (hidden !== undefined) return hidden;
        if (body.payerId === MAGIC_PAYERS.slowPayerId) await call.hold();
        const failure = PAYER_FAILURES[body.payerId];
        if (failure !== undefined) return errorAnswer(call.requestId, failure);
        return jsonAnswer(
          201,
          { eligibilityCheck: { id: call.state.nextId(), ...body, coverage: 'active' } },
          { 'x-request-id': call.requestId },
        );
      },
    },
  },
];
