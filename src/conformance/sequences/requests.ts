import { randomBytes } from 'node:crypto';
import type { AuthenticationPolicy } from '../../generated/meta-types.js';
import { learnIssuedSecret } from '../../redaction/issued.js';
import { fillFresh, tokenRequestOf, urlOf } from '../../scenarios/runner.js';
import type { CredentialRole, OAuthClientCredential, ResolvedRequest } from '../../scenarios/types.js';
import { secretHeaders } from '../../vendors/authentication.js';
import { getVendor } from '../../vendors/registry.js';
import { parseJson } from '../assertions.js';
import type { OutgoingRequest, SequenceRecorder } from './recorder.js';

/** The wire form of a request from the vendor's behaviour data, sent with the given headers. */
export function outgoing(
  baseUrl: string,
  request: Pick<ResolvedRequest, 'method' | 'path' | 'headers' | 'json' | 'raw'>,
  headers: Record<string, string>,
  unique = randomBytes(8).toString('hex'),
): OutgoingRequest {
  const all: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...request.headers, ...headers }))
    all[name.toLowerCase()] = value;
  // A create whose example holds {{unique}} (a claim number that must be new) gets a fresh value;
  // a sequence that must repeat the same body passes the same `unique` twice.
  const url = urlOf(baseUrl, fillFresh(request.path, unique));
  if (request.json !== undefined) {
    all['content-type'] = 'application/json';
    return {
      method: request.method,
      url,
      headers: all,
      body: fillFresh(JSON.stringify(request.json), unique),
    };
  }
  if (request.raw) {
    all['content-type'] = request.raw.contentType;
    return { method: request.method, url, headers: all, body: fillFresh(request.raw.text, unique) };
  }
  return { method: request.method, url, headers: all };
}

/** The path without its query: what a fault's route is matched against. */
export function routeOf(path: string): string {
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

/** A bearer token from an OAuth client's token endpoint (the exchange recorded), or why there is none. */
export async function fetchToken(
  recorder: SequenceRecorder,
  credential: OAuthClientCredential,
): Promise<{ token: string; expiresInSeconds: number | undefined } | undefined> {
  return issuedToken(
    recorder,
    await recorder.send(tokenRequestOf(getVendor(recorder.vendorId).policy.authentication, credential)),
  );
}

/** The token a token endpoint's answer issues (a failure recorded where it issues none). */
export function issuedToken(
  recorder: SequenceRecorder,
  answer: { status: number; body: string },
): { token: string; expiresInSeconds: number | undefined } | undefined {
  const parsed = parseJson(answer.body) as { access_token?: unknown; expires_in?: unknown } | undefined;
  const token = parsed?.access_token;
  if (
    !recorder.expect(
      answer.status === 200 && typeof token === 'string',
      'The token endpoint issued no token.',
      200,
      answer.status,
    )
  ) {
    return undefined;
  }
  learnIssuedSecret(recorder.vendorId, token as string);
  const expiresIn = typeof parsed?.expires_in === 'number' ? parsed.expires_in : undefined;
  return { token: token as string, expiresInSeconds: expiresIn };
}

/**
 * The headers presenting a role's credential: a header credential as it is, an OAuth client by a
 * token fetched first (and recorded, since it is a request the sequence sent).
 */
export async function roleHeaders(
  recorder: SequenceRecorder,
  role: CredentialRole,
  auth: AuthenticationPolicy,
): Promise<Record<string, string> | undefined> {
  const credential = recorder.target.credentials(recorder.vendorId).roles[role];
  if (!credential) {
    recorder.fail(
      `No test credential is configured for the ${role} role.`,
      `a ${role} credential`,
      'not configured',
    );
    return undefined;
  }
  if (credential.kind === 'header') return { [credential.header]: credential.value };
  const issued = await fetchToken(recorder, credential);
  return issued ? secretHeaders(auth, issued.token) : undefined;
}

export const isSuccess = (status: number) => status >= 200 && status < 300;
