import { ErrorContractsError } from '../../errors.js';
import type { FetchResponse } from '../../http-types.js';
import { secretHeaders, tokenGrantOf } from '../../vendors/authentication.js';
import type { OAuth2ClientCredentials } from '../types.js';
import type { AuthContext } from './context.js';
import type { Authenticator } from './types.js';

/** A token is renewed this long before it expires, so a call never leaves with a dying one. */
const EXPIRY_MARGIN_MS = 60_000;
/** Used when neither the token response nor the policy says how long a token lives. */
const FALLBACK_LIFETIME_SECONDS = 300;

interface CachedToken {
  value: string;
  expiresAtMs: number;
}

function lifetimeSeconds(expiresIn: unknown, policyLifetime: number | undefined): number {
  const seconds = typeof expiresIn === 'string' ? Number(expiresIn) : expiresIn;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0) return seconds;
  return policyLifetime ?? FALLBACK_LIFETIME_SECONDS;
}

/**
 * OAuth 2.0 client credentials (RFC 6749 section 4.4): the client id and secret are exchanged at
 * the token endpoint for a bearer token, which is cached for its lifetime (`expires_in`, else the
 * policy's documented lifetime) and fetched anew when the client is told to refresh.
 */
export function createOAuth2Authenticator(
  credentials: OAuth2ClientCredentials,
  context: AuthContext,
): Authenticator {
  let cached: CachedToken | null = null;
  const issued: string[] = [];

  async function fetchToken(): Promise<CachedToken> {
    const form = new URLSearchParams({
      grant_type: tokenGrantOf(context.policy),
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    });
    if (credentials.scope !== undefined) form.set('scope', credentials.scope);
    const call = { method: 'POST', path: credentials.tokenUrl, body: Object.fromEntries(form) };
    let response: FetchResponse;
    try {
      response = await context.fetch(credentials.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        // A redirect is refused (a failed response below): followed, it would post the secret on.
        redirect: 'manual',
      });
    } catch (error) {
      throw context.fail(call, null, error);
    }
    const text = await response.text();
    if (!response.ok)
      throw context.fail(call, { status: response.status, headers: response.headers, body: text });
    let token: unknown;
    let expiresIn: unknown;
    try {
      ({ access_token: token, expires_in: expiresIn } = JSON.parse(text) as Record<string, unknown>);
    } catch {
      token = undefined;
    }
    if (typeof token !== 'string' || token === '') {
      throw new ErrorContractsError(
        'ERR_TOKEN_RESPONSE',
        'The token endpoint answered without an access_token.',
      );
    }
    issued.push(token);
    const lifetime = lifetimeSeconds(expiresIn, context.policy.tokenLifetimeSeconds);
    return {
      value: token,
      expiresAtMs: context.now() + lifetime * 1000 - Math.min(EXPIRY_MARGIN_MS, lifetime * 500),
    };
  }

  return {
    async headers() {
      if (cached === null || context.now() >= cached.expiresAtMs) cached = await fetchToken();
      return secretHeaders(context.policy, cached.value);
    },
    async refresh() {
      cached = await fetchToken();
      return true;
    },
    // Every token ever issued stays secret: an old one may still sit in a log line being written.
    secrets: () => [credentials.clientSecret, ...issued],
  };
}
