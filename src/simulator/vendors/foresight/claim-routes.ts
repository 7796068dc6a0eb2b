import { randomUUID } from 'node:crypto';
import { addCreated } from '../../bounded-store.js';
import { isResponse, okOr, route, withJsonBody } from '../../routing.js';
import type { SimResponse } from '../../types.js';
import { authed, checkFields, failure, findOwned } from './access.js';
import { type ApiKey, CLAIM_TYPES, type Claim, type Ctx, REJECTING_PAYER, type State } from './state.js';

export const claimRoutes = [
  route<State>(
    'GET',
    '/v1/claims',
    authed('claims:read', (_r, ctx, _p, key) =>
      ctx.json(200, { data: [...ctx.state.claims.values()].filter((c) => c.orgId === key.orgId) }),
    ),
  ),
  route<State>(
    'POST',
    '/v1/claims',
    authed('claims:write', (request, ctx, _p, key) =>
      withJsonBody(request, ctx, failure, (body) => createClaim(ctx, body, key)),
    ),
  ),
  route<State>(
    'GET',
    '/v1/claims/:id',
    authed('claims:read', (_r, ctx, params, key) => {
      const found = findOwned(ctx, ctx.state.claims, params.id, key, 'id');
      return okOr(ctx, found);
    }),
  ),
  route<State>(
    'POST',
    '/v1/claims/:id/submit',
    authed('claims:write', (_r, ctx, params, key) => {
      const found = findOwned(ctx, ctx.state.claims, params.id, key, 'id');
      if (isResponse(found)) return found;
      if (found.serviceLines.length === 0) {
        return ctx.error(
          'cross_field_constraint',
          'A claim needs at least one service line to be submitted.',
          { param: 'serviceLines' },
        );
      }
      if (found.payerId === REJECTING_PAYER) {
        return ctx.error('payer_rejected', 'The payer received the claim and turned it down.');
      }
      found.status = 'submitted';
      return ctx.json(200, found);
    }),
  ),
];

function createClaim(ctx: Ctx, body: Record<string, unknown>, key: ApiKey): SimResponse {
  const problem = checkFields(ctx, body, ['patientId', 'payerId', 'claimType', 'totalChargeCents']);
  if (problem) return problem;
  if (typeof body.totalChargeCents !== 'number') {
    return ctx.error('invalid_field_type', 'totalChargeCents must be a number.', {
      param: 'totalChargeCents',
    });
  }
  if (!Number.isSafeInteger(body.totalChargeCents) || body.totalChargeCents < 0) {
    return ctx.error('invalid_currency_amount', 'totalChargeCents must be a whole number of cents.', {
      param: 'totalChargeCents',
    });
  }
  if (!CLAIM_TYPES.includes(String(body.claimType))) {
    return ctx.error('invalid_enum_value', `claimType must be one of ${CLAIM_TYPES.join(', ')}.`, {
      param: 'claimType',
    });
  }
  if (body.serviceLines !== undefined && !Array.isArray(body.serviceLines)) {
    return ctx.error('invalid_field_type', 'serviceLines must be an array.', { param: 'serviceLines' });
  }
  const admission = body.admissionDate as string | undefined;
  const discharge = body.dischargeDate as string | undefined;
  if (admission && discharge && discharge < admission) {
    return ctx.error('cross_field_constraint', 'dischargeDate cannot come before admissionDate.', {
      param: 'dischargeDate',
    });
  }
  const patient = findOwned(ctx, ctx.state.patients, String(body.patientId), key, 'patientId');
  if (isResponse(patient)) return patient;
  const claim: Claim = {
    id: randomUUID(),
    orgId: key.orgId,
    patientId: patient.id,
    payerId: String(body.payerId),
    claimType: String(body.claimType),
    totalChargeCents: body.totalChargeCents,
    admissionDate: admission ?? null,
    dischargeDate: discharge ?? null,
    serviceLines: (body.serviceLines as unknown[] | undefined) ?? [],
    status: 'draft',
  };
  addCreated(ctx.state.claims, claim.id, claim);
  return ctx.json(201, claim);
}
