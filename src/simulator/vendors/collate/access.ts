import { presentedSecret } from '../../policy-credential.js';
import { type GuardedHandler, isResponse, type RouteHandler, withJsonBody } from '../../routing.js';
import { failuresFromTable } from '../../standard-failures.js';
import type { SimRequest, SimResponse } from '../../types.js';
import { KEYS } from './seed.js';
import { type ApiKey, type Ctx, type PriorAuthorization, type State, TERMINAL } from './state.js';

/** What every route shares: the key check, finding a visible authorization, and the failure table. */

export function authed(
  access: 'read' | 'write',
  handler: GuardedHandler<State, ApiKey>,
): RouteHandler<State> {
  return (request, ctx, params) => {
    const token = presentedSecret('collate', request.headers);
    const key = token === undefined ? undefined : KEYS[token];
    if (!key || key.revoked)
      return ctx.error('unauthorized', 'The bearer token is missing, unknown or revoked.');
    if (key.environment !== 'test') {
      return ctx.error('forbidden', 'This key belongs to another environment than the one it was sent to.');
    }
    if (access === 'write' && !key.canWrite) {
      return ctx.error('insufficient_permissions', 'This key may read but not change authorizations.');
    }
    return handler(request, ctx, params, key);
  };
}

export function findAuthorization(
  ctx: Ctx,
  id: string | undefined,
  key: ApiKey,
): PriorAuthorization | SimResponse {
  const found = id === undefined ? undefined : ctx.state.authorizations.get(id);
  if (!found)
    return ctx.error('prior_authorization_not_found', `No prior authorization ${id} is visible here.`);
  // Another organization's authorization is not visible to this one: the same 404 as an unknown id.
  if (found.orgId !== key.orgId)
    return ctx.error('prior_authorization_not_found', `No prior authorization ${id} is visible here.`);
  return found;
}

/** The authorization, or the error for a write it cannot take in its state. */
export function writable(ctx: Ctx, id: string | undefined, key: ApiKey): PriorAuthorization | SimResponse {
  const found = findAuthorization(ctx, id, key);
  if (isResponse(found)) return found;
  if (TERMINAL.includes(found.status)) {
    return ctx.error(
      'prior_authorization_terminal',
      `The authorization is ${found.status}; it takes no more writes.`,
    );
  }
  return found;
}

export function issue(path: string, message: string) {
  return { path, message };
}

export function withBody(
  request: SimRequest,
  ctx: Ctx,
  then: (body: Record<string, unknown>) => SimResponse,
) {
  return withJsonBody(request, ctx, failure, then);
}

export const failure = failuresFromTable<State>({
  unknown_route: 'bad_request',
  malformed_json: 'bad_request',
  unsupported_media_type: 'bad_request',
  payload_too_large: 'payload_too_large',
  invalid_idempotency_key: 'bad_request',
  internal: 'workflow_backend_unavailable',
});
