import type { GuardedHandler, RouteHandler } from '../../routing.js';
import { failuresFromTable } from '../../standard-failures.js';
import type { SimRequest, SimResponse } from '../../types.js';
import { USERS } from './seed.js';
import { type Caller, COOKIE, type Ctx, type State } from './state.js';

/** What every route shares: the session check, finding a visible record, and the failure table. */

export function sessionToken(request: SimRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

/** The signed-in user, or the 401/402/403 a Rails app with Devise and Pundit would answer. */
export function authed(
  access: 'read' | 'write',
  handler: GuardedHandler<State, Caller>,
  options: { allowPendingSecondFactor?: boolean } = {},
): RouteHandler<State> {
  return (request, ctx, params) => {
    const token = sessionToken(request);
    const session = token === undefined ? undefined : ctx.state.sessions.get(token);
    if (!token || !session || session.expiresAt <= ctx.clock.now()) {
      return ctx.error('not_authenticated', 'Sign in again: there is no valid session.');
    }
    if (!session.secondFactorDone && !options.allowPendingSecondFactor) {
      return ctx.error('two_factor_required', 'Finish signing in with your one-time code first.');
    }
    const user = USERS[session.email];
    if (!user) return ctx.error('not_authenticated', 'Sign in again: there is no valid session.');
    if (access === 'write' && user.role === 'viewer') {
      return ctx.error('not_authorized', 'Your role may read but not change records.');
    }
    return handler(request, ctx, params, { user, token });
  };
}

export function owned<T extends { org_id: string }>(
  ctx: Ctx,
  map: Map<string, T>,
  id: string | undefined,
  caller: Caller,
) {
  const found = id === undefined ? undefined : map.get(id);
  // Another organization's record is "not visible to you": the same 404 as a missing one.
  if (!found || found.org_id !== caller.user.orgId)
    return ctx.error('not_found', `Nothing with id ${id} exists here.`);
  return found;
}

export function validationFailed(ctx: Ctx, details: { field: string; message: string }[]): SimResponse {
  return ctx.error('validation_failed', 'Some fields need attention.', { details });
}

export const failure = failuresFromTable<State>({
  unknown_route: 'not_found',
  malformed_json: 'bad_request',
  unsupported_media_type: 'bad_request',
  payload_too_large: 'file_too_large',
  invalid_idempotency_key: 'bad_request',
  internal: 'internal_error',
});
