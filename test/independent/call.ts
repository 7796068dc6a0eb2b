import http from 'node:http';
import type { IndependentCredential, Role, VendorDirectory } from './types.js';

/**
 * A small client for the independent vendors, used by their own tests: it sends a named operation
 * with the directory's path, facts and credentials, the way a sandbox config drives the suite.
 * Strings may hold `{{facts.name}}`; a path parameter with no value given takes the fact of its
 * own name.
 */
export interface Call {
  operation: string;
  role?: Role | 'none';
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  json?: unknown;
  raw?: { contentType: string; text: string };
  /** A Content-Length larger than the body, for limits judged before the body is read. */
  declaredLength?: number;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function fillFacts<T>(value: T, facts: Readonly<Record<string, string>>): T {
  if (typeof value === 'string')
    return value.replace(/\{\{facts\.(\w+)\}\}/g, (whole, name: string) => facts[name] ?? whole) as T;
  if (Array.isArray(value)) return value.map((item) => fillFacts(item, facts)) as T;
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillFacts(item, facts)])) as T;
  return value;
}

/** Sends one request; node:http rather than fetch, so a declared length may differ from the body. */
export function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers))
          if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
        resolve({
          status: response.statusCode ?? 0,
          headers: flat,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    request.on('error', reject);
    request.setTimeout(10_000, () => request.destroy(new Error('no answer within 10 s')));
    if (body && headers['content-length'] === undefined) request.setHeader('content-length', body.length);
    request.end(body);
  });
}

const tokens = new WeakMap<VendorDirectory, Map<string, string>>();

/** Exchanges OAuth client credentials at the token URL, as a client would. */
export async function requestToken(
  credential: Extract<IndependentCredential, { kind: 'oauthClient' }>,
  form: Record<string, string> = {},
) {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: credential.clientId,
    client_secret: credential.clientSecret,
    scope: credential.scope,
    ...form,
  }).toString();
  return send(
    credential.tokenUrl,
    'POST',
    { 'content-type': 'application/x-www-form-urlencoded' },
    Buffer.from(body),
  );
}

async function credentialHeaders(directory: VendorDirectory, role: Role): Promise<Record<string, string>> {
  const credential = directory.credentials[role];
  if (!credential) throw new Error(`No credential for the ${role} role.`);
  if (credential.kind === 'header') return { [credential.header.toLowerCase()]: credential.value };
  const cache = tokens.get(directory) ?? new Map<string, string>();
  tokens.set(directory, cache);
  let token = cache.get(credential.clientId);
  if (!token) {
    const answer = await requestToken(credential);
    token = (JSON.parse(answer.body) as { access_token: string }).access_token;
    cache.set(credential.clientId, token);
  }
  return { authorization: `Bearer ${token}` };
}

export async function call(directory: VendorDirectory, spec: Call): Promise<Answer> {
  const operation = directory.operations[spec.operation];
  if (!operation) throw new Error(`No operation ${spec.operation}.`);
  const params = fillFacts(spec.params ?? {}, directory.facts);
  const path = operation.path.replace(/\{(\w+)\}/g, (whole, name: string) =>
    encodeURIComponent(params[name] ?? directory.facts[name] ?? whole),
  );
  const query = new URLSearchParams(fillFacts(spec.query ?? {}, directory.facts)).toString();
  const headers: Record<string, string> = fillFacts(spec.headers ?? {}, directory.facts);
  if (spec.role !== 'none') Object.assign(headers, await credentialHeaders(directory, spec.role ?? 'valid'));
  let body: Buffer | undefined;
  if (spec.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = Buffer.from(JSON.stringify(fillFacts(spec.json, directory.facts)));
  } else if (spec.raw) {
    headers['content-type'] = spec.raw.contentType;
    body = Buffer.from(fillFacts(spec.raw.text, directory.facts));
  }
  if (spec.declaredLength !== undefined) headers['content-length'] = String(spec.declaredLength);
  return send(`${directory.baseUrl}${path}${query ? `?${query}` : ''}`, operation.method, headers, body);
}
