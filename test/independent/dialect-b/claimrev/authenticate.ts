import type { IncomingMessage } from 'node:http';
import { bearerToken } from '../kit/request.js';
import type { ClaimRevBugId } from './bugs.js';
import type { ClaimRevState, RegisteredClient } from './state.js';
import type { TokenMint } from './tokens.js';

export type Authentication =
  | { kind: 'client'; client: RegisteredClient }
  | { kind: 'rejected'; message: string };

/** Which sandbox client a bearer token stands for, or why it stands for none. */
export function authenticate(
  req: IncomingMessage,
  deps: { state: ClaimRevState; mint: TokenMint; now: () => number; bug: (id: ClaimRevBugId) => boolean },
): Authentication {
  const token = bearerToken(req);
  if (token === undefined) return { kind: 'rejected', message: 'Access denied due to missing token.' };
  const reading = deps.mint.read(token);
  const sandboxClients = deps.state.clients.filter((client) => client.env === 'sandbox');
  if (reading.kind === 'malformed') {
    const fallback = sandboxClients[0];
    return deps.bug('claimrev.malformed-token-accepted') && fallback !== undefined
      ? { kind: 'client', client: fallback }
      : { kind: 'rejected', message: 'Access denied due to invalid token.' };
  }
  const { claims } = reading;
  if (claims.env !== 'sandbox' && !deps.bug('claimrev.other-environment-token-accepted')) {
    return { kind: 'rejected', message: 'Access denied due to invalid token.' };
  }
  if (claims.exp * 1000 <= deps.now() && !deps.bug('claimrev.expired-token-accepted')) {
    return { kind: 'rejected', message: 'Access denied due to expired token.' };
  }
  const client = deps.state.clients.find(
    (candidate) => candidate.clientId === claims.clientId && candidate.env === claims.env,
  );
  return client === undefined
    ? { kind: 'rejected', message: 'Access denied due to invalid token.' }
    : { kind: 'client', client };
}
