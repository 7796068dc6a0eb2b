import { randomBytes } from 'node:crypto';
import { setCapped } from '../../bounded-store.js';
import { jsonResponse } from '../../errors-response.js';
import { bodyText, route } from '../../routing.js';
import type { SimRequest, SimResponse } from '../../types.js';
import { CLIENTS } from './seed.js';
import { type Ctx, MAX_TOKENS, SCOPE, type State, TOKEN_LIFETIME_SECONDS, TOKEN_PATH } from './state.js';

/** An OAuth error as the identity provider words it, with the catalog's status. */
function tokenError(
  ctx: Ctx,
  code: 'invalid_client' | 'invalid_scope' | 'invalid_grant',
  description: string,
) {
  return ctx.error(code, description);
}

function issueToken(request: SimRequest, ctx: Ctx): SimResponse {
  if (!/^application\/x-www-form-urlencoded/i.test(request.headers['content-type'] ?? '')) {
    return tokenError(ctx, 'invalid_grant', 'The token request must be form-encoded.');
  }
  const form = new URLSearchParams(bodyText(request));
  if (form.get('grant_type') !== 'client_credentials') {
    return tokenError(ctx, 'invalid_grant', 'Only the client_credentials grant type is supported.');
  }
  const clientId = form.get('client_id') ?? '';
  const client = CLIENTS[clientId];
  if (!client || client.secret !== form.get('client_secret')) {
    return tokenError(ctx, 'invalid_client', 'The client id is unknown or the secret does not match it.');
  }
  if (form.get('scope') !== SCOPE) {
    return tokenError(ctx, 'invalid_scope', 'The requested scope is not the one this environment issues.');
  }
  const token = `crv_at_${randomBytes(18).toString('base64url')}`;
  setCapped(
    ctx.state.tokens,
    token,
    {
      clientId,
      expiresAt: ctx.clock.now() + TOKEN_LIFETIME_SECONDS * 1000,
      environment: 'test',
    },
    MAX_TOKENS,
  );
  return jsonResponse(
    200,
    { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, access_token: token },
    { 'cache-control': 'no-store' },
  );
}

export const tokenRoutes = [route<State>('POST', TOKEN_PATH, issueToken)];
