import { jsonResponse, textResponse } from '../../errors-response.js';
import { type RouteHandler, readJsonObject } from '../../routing.js';
import type { SimResponse, StandardFailure } from '../../types.js';
import { CLIENTS } from './seed.js';
import type { Claim, Client, Ctx, Permission, State } from './state.js';

/**
 * ClaimRev promises no error shape, and this model keeps that promise faithfully: each endpoint
 * answers errors in its own way (JSON of several shapes, plain text, an HTML page, an empty body),
 * so clients are tested on keeping the status and treating the body as opaque. This file holds
 * what every route shares: the token check, the account and permission checks, and the failures.
 */

/** An empty 401 with a challenge, as ASP.NET's JWT middleware answers. */
const unauthorized = (reason: string) =>
  textResponse(401, '', 'text/plain', {
    'www-authenticate': `Bearer error="invalid_token", error_description="${reason}"`,
  });

type Handler = (
  ...args: [...Parameters<RouteHandler<State>>, Client, Record<string, unknown>]
) => SimResponse;

/**
 * Authenticates the bearer token, reads the JSON body (or query, for GET and DELETE), and checks
 * that the client is bound to the account and holds the permission.
 */
export function authed(permission: Permission, handler: Handler): RouteHandler<State> {
  return (request, ctx, params) => {
    const tokenValue = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const token = tokenValue === undefined ? undefined : ctx.state.tokens.get(tokenValue);
    if (!token) return unauthorized('The access token is missing or not recognised');
    if (token.expiresAt <= ctx.clock.now()) return unauthorized('The access token expired');
    if (token.environment !== 'test')
      return unauthorized('The access token was issued for another environment');
    const client = CLIENTS[token.clientId];
    if (!client) return unauthorized('The client behind this token no longer exists');
    let input: Record<string, unknown> = Object.fromEntries(request.query);
    if (request.method === 'POST') {
      const body = readJsonObject(request);
      if (!body.ok) return textResponse(400, 'Bad Request');
      input = body.value;
    }
    const account = input.accountNumber;
    if (typeof account !== 'string' || account === '') {
      return jsonResponse(400, { errors: { accountNumber: ['An account number is required.'] } });
    }
    if (!client.accountNumbers.includes(account)) {
      return jsonResponse(403, { message: `This client is not linked to account ${account}.` });
    }
    if (!client.permissions.includes(permission)) {
      return jsonResponse(403, { message: `This client has not been granted the ${permission} permission.` });
    }
    return handler(request, ctx, params, client, input);
  };
}

export function findClaim(ctx: Ctx, claimId: string | undefined, account: unknown): Claim | SimResponse {
  const claim = claimId === undefined ? undefined : ctx.state.claims.get(claimId);
  if (!claim || claim.accountNumber !== account) {
    return jsonResponse(404, {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
      title: 'Not Found',
      status: 404,
    });
  }
  return claim;
}

const HTML_500 =
  '<!DOCTYPE html><html><head><title>Server Error</title></head><body><h1>500 - Internal server error.</h1></body></html>';

export function failure(kind: StandardFailure): SimResponse {
  switch (kind) {
    case 'unknown_route':
      return textResponse(404, '');
    case 'payload_too_large':
      return textResponse(413, 'Request Entity Too Large');
    case 'internal':
      return textResponse(500, HTML_500, 'text/html; charset=utf-8');
    default:
      return textResponse(400, 'Bad Request');
  }
}
