import { randomBytes } from 'node:crypto';
import { setCapped } from '../../bounded-store.js';
import { route, withJsonBody } from '../../routing.js';
import type { SimResponse } from '../../types.js';
import { authed, failure, validationFailed } from './access.js';
import { USERS } from './seed.js';
import { COOKIE, type Ctx, MAX_SESSIONS, SESSION_LIFETIME_MS, type State, type User } from './state.js';

function createSession(ctx: Ctx, user: User): SimResponse {
  const token = `sess_${randomBytes(12).toString('hex')}`;
  const session = {
    email: user.email,
    expiresAt: ctx.clock.now() + SESSION_LIFETIME_MS,
    secondFactorDone: user.otp === null,
    limitPerMinute: 300,
  };
  setCapped(ctx.state.sessions, token, session, MAX_SESSIONS);
  return ctx.json(
    201,
    { user: { email: user.email, role: user.role }, two_factor_required: user.otp !== null },
    { 'set-cookie': `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax` },
  );
}

export const sessionRoutes = [
  route<State>('POST', '/api/v1/sessions', (request, ctx) =>
    withJsonBody(request, ctx, failure, (body) => {
      const user = USERS[String(body.email)];
      if (!user || user.password !== body.password)
        return ctx.error('not_authenticated', 'The e-mail or password is wrong.');
      return createSession(ctx, user);
    }),
  ),
  route<State>(
    'POST',
    '/api/v1/sessions/two_factor',
    authed(
      'read',
      (request, ctx, _p, caller) =>
        withJsonBody(request, ctx, failure, (body) => {
          const session = ctx.state.sessions.get(caller.token);
          if (!session || caller.user.otp === null || body.code !== caller.user.otp) {
            return validationFailed(ctx, [
              { field: 'code', message: 'does not match the current one-time code' },
            ]);
          }
          session.secondFactorDone = true;
          return ctx.json(200, { user: { email: caller.user.email, role: caller.user.role } });
        }),
      { allowPendingSecondFactor: true },
    ),
  ),
  route<State>(
    'DELETE',
    '/api/v1/sessions',
    authed(
      'read',
      (_r, ctx, _p, caller) => {
        ctx.state.sessions.delete(caller.token);
        return ctx.json(204, null);
      },
      { allowPendingSecondFactor: true },
    ),
  ),
];
