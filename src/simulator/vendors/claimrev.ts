import { randomBytes, randomUUID } from 'node:crypto';
import { setCapped } from '../bounded-store.js';
import { jsonResponse, textResponse } from '../errors-response.js';
import { policyCredential } from '../policy-credential.js';
import {
  bodyText,
  isResponse,
  matchRoute,
  okOr,
  type RouteHandler,
  readJsonObject,
  route,
} from '../routing.js';
import type { ModelContext, SimRequest, SimResponse, VendorModel } from '../types.js';

/**
 * ClaimRev promises no error shape, and this model keeps that promise faithfully: each endpoint
 * answers errors in its own way (JSON of several shapes, plain text, an HTML page, an empty body),
 * so clients are tested on keeping the status and treating the body as opaque.
 */

type Permission = 'eligibility' | 'claim_status' | 'search' | 'claims_write';
interface Client {
  secret: string;
  accountNumbers: readonly string[];
  permissions: readonly Permission[];
}
interface Token {
  clientId: string;
  expiresAt: number;
  environment: 'test' | 'production';
}
interface Claim {
  claimId: string;
  accountNumber: string;
  status: string;
  payerId: string;
}
interface State {
  tokens: Map<string, Token>;
  claims: Map<string, Claim>;
}

const TOKEN_PATH = '/oauth2/v2.0/token';
const SCOPE = 'https://claimrev-test.invalid/api/.default';
const TOKEN_LIFETIME_SECONDS = 3600;
const MAX_TOKENS = 10_000;
const ALL: Permission[] = ['eligibility', 'claim_status', 'search', 'claims_write'];
const CLIENTS: Record<string, Client> = {
  'crv-test-client-full': { secret: 'crv-secret-full-5Yt1', accountNumbers: ['1001'], permissions: ALL },
  'crv-test-client-limited': {
    secret: 'crv-secret-limited-8Ub4',
    accountNumbers: ['1001'],
    permissions: ['claim_status', 'search'],
  },
  'crv-test-client-other': { secret: 'crv-secret-other-3Nc7', accountNumbers: ['2002'], permissions: ALL },
};
/** Tokens seeded for the roles a fresh client-credentials grant cannot give. */
const EXPIRED_TOKEN = 'crv_at_expired_0000';
const PRODUCTION_TOKEN = 'crv_at_production_0000';

type Ctx = ModelContext<State>;

function createState(now: number): State {
  return {
    tokens: new Map([
      [EXPIRED_TOKEN, { clientId: 'crv-test-client-full', expiresAt: now - 60_000, environment: 'test' }],
      [
        PRODUCTION_TOKEN,
        { clientId: 'crv-test-client-full', expiresAt: now + 3_600_000, environment: 'production' },
      ],
    ]),
    claims: new Map(
      [
        { claimId: 'CLM-1001-0001', accountNumber: '1001', status: 'accepted', payerId: '60054' },
        { claimId: 'CLM-1001-0002', accountNumber: '1001', status: 'pending', payerId: '87726' },
        { claimId: 'CLM-2002-0001', accountNumber: '2002', status: 'paid', payerId: '60054' },
      ].map((c) => [c.claimId, c]),
    ),
  };
}

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
function authed(permission: Permission, handler: Handler): RouteHandler<State> {
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

function findClaim(ctx: Ctx, claimId: string | undefined, account: unknown): Claim | SimResponse {
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

const routes = [
  route<State>('POST', TOKEN_PATH, issueToken),
  route<State>(
    'POST',
    '/api/v1/eligibility',
    authed('eligibility', (_r, _ctx, _p, _client, input) => {
      const missing = ['payerId', 'memberId', 'dateOfService'].filter(
        (f) => typeof input[f] !== 'string' || input[f] === '',
      );
      if (missing.length) {
        return jsonResponse(400, {
          errors: Object.fromEntries(missing.map((f) => [f, [`${f} must be provided.`]])),
        });
      }
      return jsonResponse(200, {
        memberId: input.memberId,
        payerId: input.payerId,
        eligible: true,
        coverage: [{ serviceType: '30', active: true }],
      });
    }),
  ),
  route<State>(
    'POST',
    '/api/v1/claim-status',
    authed('claim_status', (_r, ctx, _p, _client, input) => {
      if (typeof input.claimId !== 'string')
        return jsonResponse(400, { message: 'claimId must be a string.' });
      const claim = findClaim(ctx, input.claimId, input.accountNumber);
      return isResponse(claim) ? claim : jsonResponse(200, { claimId: claim.claimId, status: claim.status });
    }),
  ),
  route<State>(
    'POST',
    '/api/v1/claims/search',
    authed('search', (_r, ctx, _p, _client, input) =>
      jsonResponse(200, {
        results: [...ctx.state.claims.values()].filter((c) => c.accountNumber === input.accountNumber),
      }),
    ),
  ),
  route<State>(
    'GET',
    '/api/v1/claims/:claimId',
    authed('search', (_r, ctx, params, _client, input) => {
      const claim = findClaim(ctx, params.claimId, input.accountNumber);
      return okOr(ctx, claim);
    }),
  ),
  route<State>(
    'DELETE',
    '/api/v1/claims/:claimId',
    authed('claims_write', (_r, ctx, params, _client, input) => {
      const claim = ctx.state.claims.get(params.claimId ?? '');
      // Deleting what is not there is a "semantic failure" answered 404, in yet another shape.
      if (!claim || claim.accountNumber !== input.accountNumber)
        return jsonResponse(404, { message: 'Record not found.' });
      ctx.state.claims.delete(claim.claimId);
      return textResponse(204, '');
    }),
  ),
];

const HTML_500 =
  '<!DOCTYPE html><html><head><title>Server Error</title></head><body><h1>500 - Internal server error.</h1></body></html>';

export const claimrev: VendorModel<State> = {
  id: 'claimrev',
  createState,
  credentials: (baseUrl) => {
    const client = (clientId: string) =>
      ({
        kind: 'oauthClient',
        clientId,
        clientSecret: CLIENTS[clientId]?.secret ?? '',
        scope: SCOPE,
        tokenUrl: `${baseUrl}${TOKEN_PATH}`,
      }) as const;
    return {
      vendorId: 'claimrev',
      roles: {
        valid: client('crv-test-client-full'),
        readOnly: client('crv-test-client-limited'),
        otherOrganisation: client('crv-test-client-other'),
        expired: policyCredential('claimrev', EXPIRED_TOKEN),
      },
      // Its token endpoint is a path on the same server; everything else is a reference path.
      operations: { token: { path: TOKEN_PATH } },
      facts: {
        accountNumber: '1001',
        payerId: '60054',
        memberId: 'M123456',
        claimId: 'CLM-1001-0001',
        staleId: 'CLM-1001-9999',
        otherAccountNumber: '2002',
        productionToken: PRODUCTION_TOKEN,
        requiredField: 'memberId',
      },
    };
  },
  handle(request, ctx) {
    const match = matchRoute(routes, request.method, request.path);
    if (!match) return claimrev.failure('unknown_route', ctx, request.path);
    return match.handler(request, ctx, match.params);
  },
  shapeError: ({ entry, message, now }) => ({
    error: entry.code,
    error_description: message,
    correlation_id: randomUUID(),
    timestamp: new Date(now)
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z'),
  }),
  failure: (kind) => {
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
  },
  maxBodyBytes: 1024 * 1024,
  countResources: (state) => state.claims.size,
};
