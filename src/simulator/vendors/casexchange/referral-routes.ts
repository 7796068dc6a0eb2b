import { randomUUID } from 'node:crypto';
import { addCreated } from '../../bounded-store.js';
import { isResponse, route } from '../../routing.js';
import type { SimResponse } from '../../types.js';
import { authed, ownedCase, ownedReferral, withBody } from './access.js';
import { type Caller, type Ctx, type Referral, type State, TERMINAL_REFERRALS, UUID } from './state.js';

/** Referrals of a case to another firm: one active referral per pair, re-referral only once it ended. */

function createReferral(ctx: Ctx, caller: Caller, caseId: unknown, targetFirmId: unknown): SimResponse {
  if (typeof targetFirmId !== 'string' || !UUID.test(targetFirmId)) {
    return ctx.error('validation_error', 'targetFirmId is required and must be a UUID.');
  }
  const found = ownedCase(ctx, typeof caseId === 'string' ? caseId : undefined, caller, 'caseId');
  if (isResponse(found)) return found;
  if (!ctx.state.firms.has(targetFirmId))
    return ctx.error('resource_not_found', `No firm has id ${targetFirmId}.`);
  const active = [...ctx.state.referrals.values()].some(
    (r) => r.caseId === found.id && r.targetFirmId === targetFirmId && !TERMINAL_REFERRALS.includes(r.status),
  );
  if (active) return ctx.error('conflict', 'An active referral of this case to that firm already exists.');
  const referral: Referral = {
    id: randomUUID(),
    caseId: found.id,
    fromFirmId: caller.key.firmId,
    targetFirmId,
    status: 'pending',
  };
  addCreated(ctx.state.referrals, referral.id, referral);
  return ctx.json(201, { data: referral });
}

export const referralRoutes = [
  route<State>(
    'GET',
    '/referrals/:id',
    authed('read', (_r, ctx, params, caller) => {
      const found = ownedReferral(ctx, params.id, caller);
      return isResponse(found) ? found : ctx.json(200, { data: found });
    }),
  ),
  route<State>(
    'POST',
    '/referrals',
    authed('write', (request, ctx, _p, caller) =>
      withBody(request, ctx, (body) => createReferral(ctx, caller, body.caseId, body.targetFirmId)),
    ),
  ),
  route<State>(
    'POST',
    '/referrals/:id/re-refer',
    authed('write', (request, ctx, params, caller) =>
      withBody(request, ctx, (body) => {
        const found = ownedReferral(ctx, params.id, caller);
        if (isResponse(found)) return found;
        if (!TERMINAL_REFERRALS.includes(found.status)) {
          return ctx.error(
            'invalid_state_transition',
            `A ${found.status} referral cannot be re-referred until it ends.`,
          );
        }
        return createReferral(ctx, caller, found.caseId, body.targetFirmId);
      }),
    ),
  ),
];
