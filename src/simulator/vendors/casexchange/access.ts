import { type GuardedHandler, type RouteHandler, withJsonBody } from '../../routing.js';
import { failuresFromTable } from '../../standard-failures.js';
import type { SimRequest, SimResponse } from '../../types.js';
import { KEYS } from './seed.js';
import { type Caller, type Case, type Ctx, type Referral, type State, UUID } from './state.js';

/** What every route shares: the key and tier check, finding a firm's own record, and the failure table. */

/** Authenticates, then checks the tier a write needs, before the handler runs. */
export function authed(
  access: 'read' | 'write',
  handler: GuardedHandler<State, Caller>,
): RouteHandler<State> {
  return (request, ctx, params) => {
    const value = request.headers['x-api-key'];
    const key = value === undefined ? undefined : KEYS[value];
    if (!key || key.revoked) {
      return ctx.error(
        'invalid_api_key',
        value === undefined
          ? 'Send an API key in X-API-Key.'
          : 'This API key is not recognised or has been revoked.',
      );
    }
    if (access === 'write' && key.tier === 'read_only') {
      return ctx.error(
        'insufficient_tier',
        'A read_only key cannot change data; use a standard or admin key.',
      );
    }
    return handler(request, ctx, params, { key });
  };
}

export const failure = failuresFromTable<State>({
  unknown_route: 'resource_not_found',
  malformed_json: 'validation_error',
  unsupported_media_type: 'validation_error',
  payload_too_large: 'validation_error',
  invalid_idempotency_key: 'validation_error',
  internal: 'internal_error',
});

export function withBody(
  request: SimRequest,
  ctx: Ctx,
  then: (body: Record<string, unknown>) => SimResponse,
): SimResponse {
  return withJsonBody(request, ctx, failure, then);
}

/** The case, or the error a caller of another firm or with a stale id gets. */
export function ownedCase(
  ctx: Ctx,
  id: string | undefined,
  caller: Caller,
  field = 'id',
): Case | SimResponse {
  if (!id || !UUID.test(id)) return ctx.error('validation_error', `${field} must be a UUID.`);
  const found = ctx.state.cases.get(id);
  if (!found) return ctx.error('resource_not_found', `No case has id ${id}.`);
  if (found.firmId !== caller.key.firmId)
    return ctx.error('permission_denied', 'This case belongs to another firm.');
  return found;
}

export function ownedReferral(ctx: Ctx, id: string | undefined, caller: Caller): Referral | SimResponse {
  if (!id || !UUID.test(id)) return ctx.error('validation_error', 'id must be a UUID.');
  const found = ctx.state.referrals.get(id);
  if (!found) return ctx.error('resource_not_found', `No referral has id ${id}.`);
  if (found.fromFirmId !== caller.key.firmId)
    return ctx.error('permission_denied', 'This referral belongs to another firm.');
  return found;
}
