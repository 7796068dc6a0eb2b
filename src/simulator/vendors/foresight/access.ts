import type { GuardedHandler, RouteHandler } from '../../routing.js';
import { failuresFromTable } from '../../standard-failures.js';
import type { SimResponse } from '../../types.js';
import { KEYS } from './seed.js';
import { type ApiKey, type Ctx, DATE, MAX_NAME, MAX_NOTES, type Scope, type State, UUID } from './state.js';

/** What every route shares: the key and scope check, finding a visible record, field rules, and the failure table. */

/** Checks the key (X-API-Key, or a bearer token as the docs allow) and the scope a route needs. */
export function authed(scope: Scope, handler: GuardedHandler<State, ApiKey>): RouteHandler<State> {
  return (request, ctx, params) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const value = request.headers['x-api-key'] ?? bearer;
    if (value === undefined) return ctx.error('missing_api_key', 'Send the API key in X-API-Key.');
    const key = KEYS[value];
    if (!key || key.revoked)
      return ctx.error('invalid_api_key', 'The API key is unknown, revoked or malformed.');
    if (key.expiresInMs !== null && ctx.state.createdAt + key.expiresInMs <= ctx.clock.now()) {
      return ctx.error('expired_api_key', 'The API key is past its expiry date; issue a new one.');
    }
    if (!key.scopes.includes(scope))
      return ctx.error('forbidden_scope', `This endpoint needs the ${scope} scope.`);
    return handler(request, ctx, params, key);
  };
}

export function findOwned<T extends { orgId: string }>(
  ctx: Ctx,
  map: Map<string, T>,
  id: string | undefined,
  key: ApiKey,
  param: string,
): T | SimResponse {
  if (!id || !UUID.test(id)) return ctx.error('invalid_uuid_format', `${param} must be a UUID.`, { param });
  const found = map.get(id);
  if (!found) return ctx.error('resource_not_found', `Nothing with id ${id} exists.`, { param });
  if (found.orgId !== key.orgId)
    return ctx.error('organization_mismatch', 'That resource belongs to another organization.');
  if ('deletedAt' in found && found.deletedAt)
    return ctx.error('resource_deleted', `The resource ${id} was deleted.`);
  return found;
}

/** Field rules in the order a client would want to hear about them: presence, type, form. */
export function checkFields(
  ctx: Ctx,
  body: Record<string, unknown>,
  required: readonly string[],
): SimResponse | undefined {
  for (const param of required) {
    if (body[param] === undefined || body[param] === null || body[param] === '') {
      return ctx.error('missing_required_field', `${param} is required.`, { param });
    }
  }
  for (const param of [
    'externalId',
    'firstName',
    'lastName',
    'payerId',
    'patientId',
    'notes',
    'dateOfBirth',
  ]) {
    if (body[param] !== undefined && typeof body[param] !== 'string') {
      return ctx.error('invalid_field_type', `${param} must be a string.`, { param });
    }
  }
  for (const param of ['firstName', 'lastName', 'externalId']) {
    if (String(body[param] ?? '').length > MAX_NAME) {
      return ctx.error('field_value_too_long', `${param} may hold at most ${MAX_NAME} characters.`, {
        param,
      });
    }
  }
  if (String(body.notes ?? '').length > MAX_NOTES) {
    return ctx.error('field_value_too_long', `notes may hold at most ${MAX_NOTES} characters.`, {
      param: 'notes',
    });
  }
  for (const param of ['dateOfBirth', 'admissionDate', 'dischargeDate']) {
    const value = body[param];
    if (
      value !== undefined &&
      (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value)))
    ) {
      return ctx.error('invalid_date_format', `${param} must be an ISO 8601 date (YYYY-MM-DD).`, { param });
    }
  }
  return undefined;
}

export const failure = failuresFromTable<State>({
  unknown_route: 'resource_not_found',
  malformed_json: 'invalid_field_type',
  unsupported_media_type: 'invalid_field_type',
  payload_too_large: 'field_value_too_long',
  invalid_idempotency_key: 'invalid_field_type',
  internal: 'internal_error',
});
