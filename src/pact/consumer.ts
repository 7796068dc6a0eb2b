import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorContractsError } from '../errors.js';
import { normalizeError } from '../normalize/normalize-error.js';
import { exchange, type HttpAnswer } from '../scenarios/runner.js';
import { findCatalogEntry, type VendorId } from '../vendors/registry.js';
import { type InteractionSpec, interactionsFor } from './interactions.js';
import { loadPact } from './load-pact.js';
import { credentialMatcher, responseExpectation } from './matchers.js';
import { HEADER_FIELD, standIn } from './placeholders.js';

/** The consumer every contract is written for: a client that handles these vendors' errors. */
export const CONSUMER = 'error-contracts-client';

/** See the comment where it is used; a few milliseconds per interaction. */
const RECORD_GRACE_MS = 5;

export function contractFile(dir: string, vendorId: VendorId): string {
  return join(dir, `${CONSUMER}-${vendorId}.json`);
}

export interface WrittenContract {
  vendorId: VendorId;
  file: string;
  interactions: number;
}

/**
 * Runs one Pact consumer test per documented error path of a vendor and writes its contract.
 * Each test sends the request a client would send to Pact's mock server and checks that the
 * package's normalizer reads the code, status and category the catalog documents from the
 * answer the contract describes, so a contract cannot promise less than the client uses.
 */
export async function writeContract(vendorId: VendorId, dir: string): Promise<WrittenContract> {
  const { PactV4, MatchersV3 } = await loadPact();
  const file = contractFile(dir, vendorId);
  // Pact merges into an existing file; start clean so a removed path leaves no trace.
  await rm(file, { force: true });
  const pact = new PactV4({ consumer: CONSUMER, provider: vendorId, dir, logLevel: 'error' });
  const { interactions } = interactionsFor(vendorId);
  for (const spec of interactions) {
    const expected = responseExpectation(spec, MatchersV3);
    const { request } = spec;
    await pact
      .addInteraction()
      .given(spec.state)
      .uponReceiving(spec.description)
      .withRequest(request.method, request.path, (builder) => {
        if (Object.keys(request.query).length > 0) builder.query(request.query);
        const headers = { ...request.headers, ...credentialMatcher(spec, MatchersV3) };
        if (Object.keys(headers).length > 0) builder.headers(headers as never);
        if (request.body?.kind === 'json') builder.jsonBody(request.body.value);
        else if (request.body) textBody(builder, request.body.contentType, request.body.text);
      })
      .willRespondWith(spec.status, (builder) => {
        if (Object.keys(expected.headers).length > 0) builder.headers(expected.headers as never);
        if (expected.body) builder.jsonBody(expected.body);
      })
      .executeTest(async (mockServer) => {
        assertClientReads(spec, await send(mockServer.url, spec));
        // The mock server records a match on its own thread, at times just after it has answered;
        // asking for its verdict at once then reports the answered request as never received.
        await new Promise((resolve) => setTimeout(resolve, RECORD_GRACE_MS));
      });
  }
  return { vendorId, file, interactions: interactions.length };
}

/**
 * pact-js offers text bodies only as binary ones, which adds a content-type rule judged by
 * sniffing the bytes (a form body sniffs as text/plain and never matches). The interaction
 * underneath takes a text body with its declared type, which is what these requests are.
 */
function textBody(builder: unknown, contentType: string, text: string): void {
  const { interaction } = builder as {
    interaction: { withRequestBody(body: string, type: string): boolean };
  };
  interaction.withRequestBody(text, contentType);
}

/** The request as a client sends it, credential stand-in included. */
export function send(baseUrl: string, spec: InteractionSpec): Promise<HttpAnswer> {
  const { request } = spec;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  if (request.credential) {
    const { header, prefix, role } = request.credential;
    headers[header.toLowerCase()] = `${prefix}${standIn(role, HEADER_FIELD)}`;
  }
  let body: Buffer | undefined;
  if (request.body?.kind === 'json') {
    headers['content-type'] = 'application/json';
    body = Buffer.from(JSON.stringify(request.body.value));
  } else if (request.body) {
    headers['content-type'] = request.body.contentType;
    body = Buffer.from(request.body.text);
  }
  const search = new URLSearchParams();
  for (const [name, values] of Object.entries(request.query))
    for (const value of values) search.append(name, value);
  const query = search.size > 0 ? `?${search}` : '';
  return exchange(`${baseUrl}${request.path}${query}`, request.method, headers, body);
}

/** What the client makes of the answer must be what the catalog documents. */
function assertClientReads(spec: InteractionSpec, response: HttpAnswer): void {
  const entry = spec.code === undefined ? undefined : findCatalogEntry(spec.vendorId, spec.code);
  const normalized = normalizeError(spec.vendorId, response, { surface: entry?.surface ?? 'api' });
  const problems: string[] = [];
  if (normalized.status !== spec.status) problems.push(`status ${normalized.status}, not ${spec.status}`);
  if (entry && normalized.code !== entry.code) problems.push(`code ${normalized.code}, not ${entry.code}`);
  if (entry && normalized.category !== entry.category)
    problems.push(`category ${normalized.category}, not ${entry.category}`);
  if (problems.length > 0)
    throw new ErrorContractsError(
      'ERR_PACT_CONSUMER',
      `${spec.vendorId} ${spec.id}: the client reads ${problems.join('; ')}.`,
    );
}
