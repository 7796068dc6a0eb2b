/**
 * ClaimRev, written from its error page alone (OAuth client credentials from an Azure B2C token
 * endpoint, one-hour tokens, plain HTTP statuses with bodies whose shape varies by endpoint).
 *
 * Readings chosen where the page leaves room (each differs from the project's simulator on purpose):
 * | question the docs leave open               | reading here                                          |
 * |--------------------------------------------|-------------------------------------------------------|
 * | token endpoint                             | `/b2c/claimrevsbx.onmicrosoft.com/b2c_1a_api_clients/oauth2/v2.0/token` |
 * | client ids                                 | UUIDs, secrets random, new on every start             |
 * | invalid_client status                      | 400 for credentials in the form (RFC 6749 5.2 allows  |
 * |                                            | it); 401 + WWW-Authenticate only for HTTP Basic        |
 * | token error body                           | B2C style: error, error_description (with an AADB2C   |
 * |                                            | code), correlation_id, trace_id, timestamp             |
 * | tokens                                     | opaque random strings, `expires_in` 3600              |
 * | routes                                     | `/claimrev-sbx/api/eligibility/inquiries`,            |
 * |                                            | `/claimrev-sbx/api/claims/{claimId}?accountNumber=`    |
 * | 400 body                                   | RFC 9457 problem+json with an `errors` map            |
 * | 401 body                                   | empty, WWW-Authenticate: Bearer error="invalid_token" |
 * | 403 body                                   | plain text                                            |
 * | 404 body                                   | `{ "message": ... }`                                  |
 * | 500                                        | an HTML page, for the always-failing payer id          |
 * | "wrong environment" token                  | the revoked role: a production token                  |
 */

import { json, type Outgoing, parseJsonBody, text } from '../../kit/http.js';
import { secret, uuid } from '../../kit/ids.js';
import { findRoute, operationsOf, type Route } from '../../kit/router.js';
import type { IndependentVendor, VendorContext } from '../../types.js';
import type { BugId } from './bugs.js';

const TOKEN_PATH = '/b2c/claimrevsbx.onmicrosoft.com/b2c_1a_api_clients/oauth2/v2.0/token';
const SCOPE = 'https://claimrevsbx.onmicrosoft.com/claims-api/.default';
const TOKEN_LIFETIME_SECONDS = 3600;
const PREFIX = '/claimrev-sbx/api';
const PERMISSIONS = ['claims', 'eligibility'] as const;
type Permission = (typeof PERMISSIONS)[number];

interface Client {
  secret: string;
  account: string;
  permissions: readonly Permission[];
}
interface Token {
  clientId: string;
  issuedAt: number;
  environment: 'sandbox' | 'production';
}
interface Ctx {
  client: Client;
}

export function createVendor({ bugs, now }: VendorContext): IndependentVendor {
  const has = (bug: BugId) => bugs.has(bug);
  const accounts = {
    own: String(400000 + Math.floor(Math.random() * 99999)),
    other: String(500000 + Math.floor(Math.random() * 99999)),
  };
  const clientIds = { valid: uuid(), readOnly: uuid(), otherOrganisation: uuid() };
  const clients = new Map<string, Client>([
    [clientIds.valid, { secret: secret(24), account: accounts.own, permissions: PERMISSIONS }],
    [clientIds.readOnly, { secret: secret(24), account: accounts.own, permissions: ['claims'] }],
    [clientIds.otherOrganisation, { secret: secret(24), account: accounts.other, permissions: PERMISSIONS }],
  ]);
  const tokens = new Map<string, Token>();
  const issue = (clientId: string, issuedAt: number, environment: Token['environment'] = 'sandbox') => {
    const token = secret(32);
    tokens.set(token, { clientId, issuedAt, environment });
    return token;
  };
  const expiredToken = issue(clientIds.valid, now() - 2 * TOKEN_LIFETIME_SECONDS * 1000);
  const productionToken = issue(clientIds.valid, now(), 'production');
  const claimIds = { existing: `CR-${secret(5)}`, missing: `CR-${secret(5)}` };
  const claims = new Map<string, { id: string; account: string; status: string }>([
    [claimIds.existing, { id: claimIds.existing, account: accounts.own, status: 'accepted' }],
  ]);
  const FAILING_PAYER = '00500';

  function tokenError(
    status: number,
    error: string,
    description: string,
    headers: Record<string, string> = {},
  ): Outgoing {
    const member = has('claimrev.token-error-code-renamed') ? 'code' : 'error';
    return json(
      status,
      {
        [member]: error,
        error_description: `${description}\r\nCorrelation ID: ${uuid()}\r\nTimestamp: ${new Date(now()).toISOString()}`,
        correlation_id: uuid(),
        trace_id: secret(16),
        timestamp: new Date(now()).toISOString(),
      },
      { 'cache-control': 'no-store', ...headers },
    );
  }

  function token(request: { headers: Readonly<Record<string, string>>; body: Buffer }): Outgoing {
    const form = new URLSearchParams(request.body.toString('utf8'));
    const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    let clientId = form.get('client_id');
    let clientSecret = form.get('client_secret');
    if (basic !== undefined) {
      const [id, pass] = Buffer.from(basic, 'base64').toString('utf8').split(':');
      clientId = id ?? null;
      clientSecret = pass ?? null;
    }
    if (form.get('grant_type') !== 'client_credentials')
      return tokenError(
        400,
        'invalid_grant',
        'AADB2C90080: The grant_type is not supported for this client.',
      );
    const client = clientId === null ? undefined : clients.get(clientId);
    if (!client || client.secret !== clientSecret) {
      // RFC 6749 5.2: 401 (with a challenge) when the client used HTTP authentication, else 400.
      return basic !== undefined
        ? tokenError(401, 'invalid_client', 'AADB2C90081: The client credentials are not valid.', {
            'www-authenticate': 'Basic realm="b2c"',
          })
        : tokenError(400, 'invalid_client', 'AADB2C90081: The client credentials are not valid.');
    }
    if (form.get('scope') !== SCOPE)
      return tokenError(400, 'invalid_scope', 'AADB2C90146: The scope does not match this environment.');
    return json(
      200,
      {
        access_token: issue(clientId as string, now()),
        token_type: 'Bearer',
        expires_in: has('claimrev.token-lifetime-two-hours')
          ? 2 * TOKEN_LIFETIME_SECONDS
          : TOKEN_LIFETIME_SECONDS,
        not_before: Math.floor(now() / 1000),
      },
      { 'cache-control': 'no-store' },
    );
  }

  const unauthorized = (): Outgoing => ({
    status: 401,
    headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    body: '',
  });
  const forbidden = (why: string) => text(403, why);
  const notFound = (what: string) => json(404, { message: `${what} was not found.` });
  const badRequest = (errors: Record<string, string[]>) =>
    json(
      400,
      {
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        errors,
      },
      { 'content-type': 'application/problem+json; charset=utf-8' },
    );
  /** The account a call targets must be the one the client is bound to. */
  const boundTo = (account: unknown, ctx: Ctx): Outgoing | undefined => {
    if (typeof account !== 'string' || account === '')
      return badRequest({ accountNumber: ['The accountNumber field is required.'] });
    if (account === ctx.client.account) return undefined;
    return has('claimrev.unbound-account-404')
      ? notFound('Account')
      : forbidden('This client is not bound to the requested account.');
  };
  const permitted = (permission: Permission, ctx: Ctx) =>
    ctx.client.permissions.includes(permission)
      ? undefined
      : forbidden(`This client has not been granted ${permission}.`);

  /** A claim of the account the client is bound to, named by id and `accountNumber`; or the refusal. */
  const ownClaim = (request: { query: URLSearchParams }, id: string | undefined, ctx: Ctx) => {
    const denied = permitted('claims', ctx) ?? boundTo(request.query.get('accountNumber') ?? '', ctx);
    if (denied) return denied;
    const claim = claims.get(id ?? '');
    return claim && claim.account === ctx.client.account ? claim : notFound('Claim');
  };

  const routes: Route<Ctx>[] = [
    {
      operation: 'checkEligibility',
      method: 'POST',
      template: `${PREFIX}/eligibility/inquiries`,
      handle: (request, _p, ctx) => {
        const denied = permitted('eligibility', ctx);
        if (denied) return denied;
        const parsed = parseJsonBody(request.body);
        const input =
          parsed.ok && typeof parsed.value === 'object' && parsed.value !== null
            ? (parsed.value as Record<string, unknown>)
            : undefined;
        if (!input) return badRequest({ $: ['The request body is not valid JSON.'] });
        const errors: Record<string, string[]> = {};
        for (const field of ['accountNumber', 'payerId', 'memberId', 'dateOfService'])
          if (typeof input[field] !== 'string' || input[field] === '')
            errors[field] = [`The ${field} field is required.`];
        if (Object.keys(errors).length > 0) return badRequest(errors);
        const unbound = boundTo(input.accountNumber, ctx);
        if (unbound) return unbound;
        if (input.payerId === FAILING_PAYER)
          return text(
            500,
            '<!DOCTYPE html><html><body><h1>Server Error</h1></body></html>',
            'text/html; charset=utf-8',
          );
        return json(200, { inquiryId: uuid(), coverage: { active: true, payerId: input.payerId } });
      },
    },
    {
      operation: 'getClaim',
      method: 'GET',
      template: `${PREFIX}/claims/{claimId}`,
      handle: (request, params, ctx) => {
        const claim = ownClaim(request, params.claimId, ctx);
        if (!('account' in claim)) return claim;
        return json(200, { claimId: claim.id, status: claim.status });
      },
    },
    {
      operation: 'deleteClaim',
      method: 'DELETE',
      template: `${PREFIX}/claims/{claimId}`,
      handle: (request, params, ctx) => {
        const claim = ownClaim(request, params.claimId, ctx);
        if (!('account' in claim)) return claim;
        claims.delete(claim.id);
        return { status: 204 };
      },
    },
    {
      operation: 'searchClaims',
      method: 'POST',
      template: `${PREFIX}/claims/search`,
      handle: (request, _p, ctx) => {
        const parsed = parseJsonBody(request.body);
        const input = parsed.ok ? (parsed.value as Record<string, unknown> | undefined) : undefined;
        const denied = permitted('claims', ctx) ?? boundTo(input?.accountNumber, ctx);
        if (denied) return denied;
        return json(
          200,
          [...claims.values()]
            .filter((c) => c.account === ctx.client.account)
            .map((c) => ({ claimId: c.id, status: c.status })),
        );
      },
    },
  ];

  const authenticate = (headers: Readonly<Record<string, string>>): Ctx | undefined => {
    const presented = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
    if (headers.authorization === undefined && has('claimrev.missing-token-accepted'))
      return { client: clients.get(clientIds.valid) as Client };
    const found = presented === undefined ? undefined : tokens.get(presented);
    const servedEnvironment =
      found?.environment === 'sandbox' ||
      (found?.environment === 'production' && has('claimrev.other-environment-token-accepted'));
    if (!servedEnvironment) return undefined;
    if (now() - found.issuedAt >= TOKEN_LIFETIME_SECONDS * 1000) return undefined;
    const client = clients.get(found.clientId);
    return client ? { client } : undefined;
  };

  return {
    handler: {
      handle(request) {
        if (request.path === TOKEN_PATH) return request.method === 'POST' ? token(request) : text(405, '');
        const authorization = request.headers.authorization;
        if (
          authorization !== undefined &&
          !/^Bearer\s+\S+$/i.test(authorization) &&
          has('claimrev.malformed-token-400')
        )
          return badRequest({ Authorization: ['The Authorization header is not a bearer token.'] });
        const ctx = authenticate(request.headers);
        if (!ctx) return unauthorized();
        const match = findRoute(routes, request.method, request.path);
        if (!match) return text(404, '');
        return match.route.handle(request, match.params, ctx);
      },
    },
    describe: (baseUrl) => {
      const client = (clientId: string) => ({
        kind: 'oauthClient' as const,
        clientId,
        clientSecret: clients.get(clientId)?.secret ?? '',
        scope: SCOPE,
        tokenUrl: `${baseUrl}${TOKEN_PATH}`,
      });
      return {
        baseUrl,
        tokenUrl: `${baseUrl}${TOKEN_PATH}`,
        operations: {
          ...operationsOf(routes as Route<unknown>[]),
          requestToken: { method: 'POST', path: TOKEN_PATH },
        },
        credentials: {
          valid: client(clientIds.valid),
          readOnly: client(clientIds.readOnly),
          otherOrganisation: client(clientIds.otherOrganisation),
          expired: { kind: 'header', header: 'Authorization', value: `Bearer ${expiredToken}` },
          revoked: { kind: 'header', header: 'Authorization', value: `Bearer ${productionToken}` },
        },
        facts: {
          accountNumber: accounts.own,
          otherAccountNumber: accounts.other,
          claimId: claimIds.existing,
          unknownClaimId: claimIds.missing,
          payerId: '87726',
          memberId: `M${secret(6)}`,
          dateOfService: '2026-02-02',
          scope: SCOPE,
          otherEnvironmentScope: 'https://claimrevprod.onmicrosoft.com/claims-api/.default',
          failingPayerId: FAILING_PAYER,
          productionToken,
        },
        magic: [
          {
            fact: 'failingPayerId',
            operation: 'checkEligibility',
            provokes: 'HTTP 500 (HTML body)',
            status: 500,
          },
        ],
        limits: { tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS },
      };
    },
  };
}
