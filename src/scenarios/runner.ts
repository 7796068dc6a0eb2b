import { randomBytes, randomUUID } from 'node:crypto';
// The modules' default exports, read at call time: nock replaces `http.request` on the module
// object, which named ESM imports of a builtin never see.
import http from 'node:http';
import https from 'node:https';
import { ErrorContractsError } from '../errors.js';
import type { AuthenticationPolicy } from '../generated/meta-types.js';
import { pinnedLoopbackLookup } from '../net/loopback.js';
import { learnIssuedSecret } from '../redaction/issued.js';
import { parseJsonQuietly } from '../text/parse-json.js';
import { credentialValue, tokenGrantOf } from '../vendors/authentication.js';
import { getVendor } from '../vendors/registry.js';
import { flattenHeaders } from './headers.js';
import { resolveRequest } from './resolve.js';
import { StreamedBody, writeStreamedBody } from './streamed-body.js';
import type {
  Credential,
  CredentialRole,
  OAuthClientCredential,
  ResolvedRequest,
  Scenario,
  ScenarioRequest,
  VendorCredentials,
} from './types.js';

/**
 * What came back for one request, headers in lower case. Only the answer: the request and its
 * answer together, as a report shows them, are an `Exchange` (report/result.ts).
 */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The answer was longer than MAX_ANSWER_BYTES; `body` is its head. */
  bodyTruncated?: true;
  /** For a streamed body: the bytes of it sent before the answer came. */
  bodyBytesSent?: number;
}

/** One HTTP exchange; every request a scenario sends goes through one of these. */
export type HttpSend = (
  url: string,
  method: string,
  headers: Record<string, string>,
  body: Buffer | StreamedBody | undefined,
) => Promise<HttpAnswer>;

/**
 * Where the values of `{{unique}}` and `{{uuid}}` come from. Fresh random values by default; a
 * recording run keeps what it drew, and a replay hands the same values back, so a replayed request
 * has the URL and body the recording saw.
 */
export interface PlaceholderValues {
  /** One value per scenario, shared by its setup steps and its checked request. */
  unique(): string;
  /** A fresh UUID per `{{uuid}}`. */
  uuid(): string;
}

export const freshPlaceholderValues: PlaceholderValues = {
  unique: () => randomBytes(8).toString('hex'),
  uuid: () => randomUUID(),
};

export interface ScenarioTarget {
  /** How requests go out; a real HTTP exchange unless a recorder or a cassette stands in. */
  send?: HttpSend;
  /** Where `{{unique}}` and `{{uuid}}` values come from; fresh random values when absent. */
  values?: PlaceholderValues;
  /** The vendor's base URL; operation paths are appended to it. */
  baseUrl: string;
  /** Credentials by role, plus the facts and operation paths the scenarios are resolved with. */
  credentials: VendorCredentials;
  /**
   * Resolves once the simulator holds a background request (a write kept in flight). Without
   * it the checked request follows as soon as the background one is sent, which usually but not
   * always arrives second.
   */
  waitForBackground?: () => Promise<void>;
}

export interface ScenarioOutcome {
  response: HttpAnswer;
  /** The background request's own answer, once it is let go. */
  background: Promise<HttpAnswer> | undefined;
}

/**
 * Plays one scenario against a target: its setup requests in order, its background request, then
 * the checked request. Works against the simulator and, for scenarios that need no fault, against
 * a real sandbox, because it only speaks HTTP and resolves operations and facts per target.
 */
export async function runScenario(
  target: ScenarioTarget,
  scenario: Omit<Scenario<ScenarioRequest | ResolvedRequest>, 'code'>,
): Promise<ScenarioOutcome> {
  const unique = (target.values ?? freshPlaceholderValues).unique();
  const send = (request: ScenarioRequest | ResolvedRequest) => sendScenarioRequest(target, request, unique);
  for (const step of scenario.setup ?? []) {
    for (let i = 0; i < (step.repeat ?? 1); i++) await send(step);
  }
  let background: Promise<HttpAnswer> | undefined;
  if (scenario.background) {
    background = send(scenario.background);
    // Never let an unobserved rejection escape; the caller may choose not to await it.
    background.catch(() => {});
    await target.waitForBackground?.();
  }
  return { response: await send(scenario.request), background };
}

const tokenCache = new WeakMap<VendorCredentials, Map<string, string>>();

/** Sends one scenario request with its role's credential and its placeholders filled in. */
export async function sendScenarioRequest(
  target: ScenarioTarget,
  scenarioRequest: ScenarioRequest | ResolvedRequest,
  unique = (target.values ?? freshPlaceholderValues).unique(),
): Promise<HttpAnswer> {
  const request = resolveRequest(target.credentials, scenarioRequest);
  const uuid = (target.values ?? freshPlaceholderValues).uuid;
  const fill = (text: string) => fillPlaceholders(text, target.credentials, unique, uuid);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {}))
    headers[name.toLowerCase()] = fill(value);
  const role = request.role ?? 'valid';
  if (role !== 'none') Object.assign(headers, await credentialHeaders(target.credentials, role, target.send));
  let body: Buffer | undefined;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = Buffer.from(fill(JSON.stringify(request.json)));
  } else if (request.raw) {
    headers['content-type'] = request.raw.contentType;
    body = Buffer.from(fill(request.raw.text));
  }
  const sent =
    request.streamedBytes === undefined
      ? body
      : new StreamedBody(body ?? Buffer.alloc(0), Math.max(request.streamedBytes, body?.length ?? 0));
  return (target.send ?? exchange)(urlOf(target.baseUrl, fill(request.path)), request.method, headers, sent);
}

/** A resolved path on the base URL, or an absolute URL (a token endpoint elsewhere) as it is. */
export function urlOf(baseUrl: string, path: string): string {
  return /^https?:\/\//i.test(path) ? path : `${baseUrl}${path}`;
}

/** The headers that present a role's credential, fetching a token first for OAuth clients. */
export async function credentialHeaders(
  credentials: VendorCredentials,
  role: CredentialRole,
  send: HttpSend = exchange,
): Promise<Record<string, string>> {
  const credential: Credential | undefined = credentials.roles[role];
  if (!credential)
    throw new ErrorContractsError(
      'ERR_NO_TEST_CREDENTIAL',
      `${credentials.vendorId} has no test credential for the role ${role}.`,
    );
  if (credential.kind === 'header') return { [credential.header.toLowerCase()]: credential.value };
  const auth = getVendor(credentials.vendorId).policy.authentication;
  let cache = tokenCache.get(credentials);
  if (!cache) {
    cache = new Map();
    tokenCache.set(credentials, cache);
  }
  let token = cache.get(credential.clientId);
  if (!token) {
    const answer = await requestToken(auth, credential, send);
    const parsed = parseJsonQuietly(answer.body) as { access_token?: unknown } | undefined;
    if (answer.status !== 200 || typeof parsed?.access_token !== 'string' || parsed.access_token === '') {
      throw new ErrorContractsError(
        'ERR_TOKEN_REFUSED',
        `The token endpoint refused ${credential.clientId} with status ${answer.status}.`,
      );
    }
    token = parsed.access_token;
    learnIssuedSecret(credentials.vendorId, token);
    cache.set(credential.clientId, token);
  }
  return { [auth.header.toLowerCase()]: credentialValue(auth, token) };
}

/** The policy's grant for one OAuth credential, as the form POST to send. */
export function tokenRequestOf(
  auth: AuthenticationPolicy,
  credential: OAuthClientCredential,
): {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
} {
  const form = new URLSearchParams({
    grant_type: tokenGrantOf(auth),
    client_id: credential.clientId,
    client_secret: credential.clientSecret,
    scope: credential.scope,
  });
  return {
    url: credential.tokenUrl,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  };
}

/** The policy's grant at the credential's token endpoint, answer returned as is. */
export function requestToken(
  auth: AuthenticationPolicy,
  credential: OAuthClientCredential,
  send: HttpSend = exchange,
): Promise<HttpAnswer> {
  const { url, method, headers, body } = tokenRequestOf(auth, credential);
  return send(url, method, headers, Buffer.from(body));
}

/**
 * {{unique}} (the value given), {{UNIQUE}} (the same in capitals, for ids that allow only capitals
 * and digits) and {{uuid}} (a fresh UUID); undefined for any other name.
 */
function freshValue(
  name: string,
  unique: string,
  uuid: () => string = freshPlaceholderValues.uuid,
): string | undefined {
  if (name === 'unique') return unique;
  if (name === 'UNIQUE') return unique.toUpperCase();
  if (name === 'uuid') return uuid();
  return undefined;
}

/** Fills only the fresh placeholders ({{unique}}, {{UNIQUE}}, {{uuid}}) of a text. */
export function fillFresh(text: string, unique: string): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => freshValue(name, unique) ?? whole);
}

/**
 * Replaces {{unique}} (one value per scenario, so a setup step and the checked request share it),
 * {{uuid}} (a fresh UUID, for ids a vendor requires in that form) and {{role.field}} (a
 * credential's clientId, scope, value and so on).
 */
export function fillPlaceholders(
  text: string,
  credentials: VendorCredentials,
  unique: string,
  uuid: () => string = freshPlaceholderValues.uuid,
): string {
  return text.replace(/\{\{(\w+)(?:\.(\w+))?\}\}/g, (whole, first: string, field: string | undefined) => {
    const fresh = field === undefined ? freshValue(first, unique, uuid) : undefined;
    if (fresh !== undefined) return fresh;
    const credential = credentials.roles[first as CredentialRole] as Record<string, unknown> | undefined;
    const value = field === undefined ? undefined : credential?.[field];
    return typeof value === 'string' ? encodeURIComponent(value) : whole;
  });
}

/**
 * How long an exchange may go without a byte either way before it is abandoned. A held write on
 * the simulator waits on its virtual clock, which a check releases within milliseconds of real
 * time; a sandbox that stops answering must not hold a run for minutes.
 */
export const EXCHANGE_IDLE_TIMEOUT_MS = 30_000;

/**
 * The most of an answer an exchange keeps. A sandbox (or anything posing as one) may answer with
 * hundreds of megabytes; the head is what a check reads, and the rest is not read at all. Above the
 * normalizer's 1 MiB parse limit, so it still sees the body as too large and says so.
 */
export const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

/**
 * One HTTP exchange; node:http rather than fetch so a large body can be streamed and abandoned the
 * moment the answer comes. Each exchange opens a connection of its own and closes it, unless the
 * caller hands it a keep-alive `agent` for a server whose keep-alive timeout it knows (the embedded
 * simulator): a sandbox's idle timeout is unknown, and a connection it dropped between two checks
 * would fail the next request for no fault of the API.
 */
export function exchange(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: Buffer | StreamedBody | undefined,
  agent?: http.Agent,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const secure = url.startsWith('https:');
    const send = secure ? https.request : http.request;
    let answered = false;
    // A streamed upload takes a connection of its own even so: it is abandoned mid-body once the
    // answer comes, which ends its connection anyway, and on a fresh connection the bytes sent
    // before the answer do not depend on what the connection carried before.
    const reusable = !secure && !(body instanceof StreamedBody);
    const options = { method, headers, agent: (reusable && agent) || false, lookup: pinnedLoopbackLookup };
    const req = send(url, options, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let kept = 0;
      const answer = (truncated: boolean): HttpAnswer => ({
        status: res.statusCode ?? 0,
        headers: flattenHeaders(res.headers),
        body: Buffer.concat(chunks).toString('utf8'),
        ...(truncated ? { bodyTruncated: true as const } : {}),
        ...(body instanceof StreamedBody ? { bodyBytesSent: body.sentBytes } : {}),
      });
      res.on('data', (chunk: Buffer) => {
        if (kept + chunk.length <= MAX_ANSWER_BYTES) {
          chunks.push(chunk);
          kept += chunk.length;
          return;
        }
        // Keep the head and stop reading: the connection is closed rather than drained.
        chunks.push(chunk.subarray(0, MAX_ANSWER_BYTES - kept));
        kept = MAX_ANSWER_BYTES;
        resolve(answer(true));
        req.destroy();
      });
      res.on('end', () => {
        resolve(answer(false));
        // The rest of a streamed body is not wanted once the answer is in: close the exchange.
        if (body instanceof StreamedBody && !req.writableFinished) req.destroy();
      });
      res.on('error', reject);
    });
    // A server that refuses a body early may close the socket under the rest of it; once an answer
    // has come, that is no error.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.setTimeout(EXCHANGE_IDLE_TIMEOUT_MS, () => {
      req.destroy(new Error(`no answer within ${EXCHANGE_IDLE_TIMEOUT_MS / 1000} s`));
    });
    if (body instanceof StreamedBody) {
      req.setHeader('content-length', body.totalBytes);
      // A request marked "Connection: close" lets a server that answers early close at once, and a
      // close with the upload's bytes still unread resets the connection, losing the answer in
      // flight. Kept alive, an early-answering server discards the rest instead; the exchange
      // closes the connection itself once the answer is in.
      if (headers.connection === undefined) req.setHeader('connection', 'keep-alive');
      // Write failures surface on the request's error event, handled above.
      writeStreamedBody(req, body, () => answered).catch(() => undefined);
      return;
    }
    if (body && headers['content-length'] === undefined) req.setHeader('content-length', body.length);
    req.end(body);
  });
}
