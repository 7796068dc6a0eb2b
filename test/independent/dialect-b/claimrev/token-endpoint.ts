import type { IncomingMessage } from 'node:http';
import { type Answer, jsonAnswer } from '../kit/answer.js';
import { headerValue } from '../kit/request.js';
import { oauthError } from './answers.js';
import type { ClaimRevBugId } from './bugs.js';
import { type ClaimRevState, SCOPES, TOKEN_LIFETIME_SECONDS } from './state.js';
import type { Environment, TokenMint } from './tokens.js';

export interface TokenEndpointDeps {
  state: ClaimRevState;
  mint: TokenMint;
  now: () => number;
  bug: (id: ClaimRevBugId) => boolean;
}

/** The identity provider's client-credentials grant for one environment's tenant. */
export function answerTokenRequest(
  deps: TokenEndpointDeps,
  env: Environment,
  req: IncomingMessage,
  body: string,
): Answer {
  const nowMs = deps.now();
  const form = new URLSearchParams(body);
  const contentType = headerValue(req, 'content-type') ?? '';
  if (
    !contentType.startsWith('application/x-www-form-urlencoded') ||
    form.get('grant_type') !== 'client_credentials'
  ) {
    return oauthError('invalid_grant', 'AADB2C90086: The supplied grant_type is not supported.', nowMs);
  }
  const [clientId, clientSecret] = clientCredentials(req, form);
  const client = deps.state.clients.find(
    (candidate) => candidate.env === env && candidate.clientId === clientId,
  );
  if (client === undefined || client.clientSecret !== clientSecret) {
    return deps.bug('claimrev.wrong-secret-invalid-grant') && client !== undefined
      ? oauthError('invalid_grant', 'AADB2C90080: The provided grant is not valid.', nowMs)
      : oauthError('invalid_client', 'AADB2C90081: The client_id or client_secret is not valid.', nowMs);
  }
  const scope = form.get('scope') ?? '';
  const acceptable = deps.bug('claimrev.wrong-scope-accepted') ? Object.values(SCOPES) : [SCOPES[env]];
  if (!acceptable.includes(scope)) {
    return oauthError(
      'invalid_scope',
      `AADB2C90146: The scope '${scope.slice(0, 80)}' is not valid here.`,
      nowMs,
    );
  }
  const iat = Math.floor(nowMs / 1000);
  const accessToken = deps.mint.issue({ env, clientId, scope, iat, exp: iat + TOKEN_LIFETIME_SECONDS });
  const expiresIn = deps.bug('claimrev.token-expires-in-not-an-hour') ? 86_400 : TOKEN_LIFETIME_SECONDS;
  return jsonAnswer(
    200,
    { token_type: 'Bearer', access_token: accessToken, expires_in: expiresIn, scope },
    { 'cache-control': 'no-store' },
  );
}

/** Client credentials from HTTP Basic when present, else from the form. */
function clientCredentials(req: IncomingMessage, form: URLSearchParams): [string, string] {
  const match = (headerValue(req, 'authorization') ?? '').match(/^Basic\s+(.+)$/i);
  if (match?.[1] !== undefined) {
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return [decodeURIComponent(decoded.slice(0, colon)), decodeURIComponent(decoded.slice(colon + 1))];
    }
  }
  return [form.get('client_id') ?? '', form.get('client_secret') ?? ''];
}
