import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { flattenHeaders } from '../../scenarios/headers.js';
import type { VendorId } from '../../vendors/registry.js';
import { knownByteLength } from '../errors-response.js';
import type { MaybePromise } from '../maybe-async.js';
import { redactHeaders, redactQuery } from '../redact.js';
import {
  controlsOf,
  createSimulatorCore,
  type SimulatorControls,
  type SimulatorCoreOptions,
} from '../simulator-core.js';
import type { SimRequest, SimResponse, VendorCredentials } from '../types.js';
import type { VendorRuntime } from '../vendor-runtime.js';

/** One line's worth of facts about an answered request; credentials already redacted. */
export interface RequestLogEntry {
  vendorId: VendorId | undefined;
  method: string;
  /** Path and query as received, secret query parameters redacted. */
  target: string;
  status: number;
  durationMs: number;
  requestId: string | undefined;
  headers: Record<string, string>;
}

export interface StartSimulatorOptions extends SimulatorCoreOptions {
  /** Loopback only by default; the simulator is a test double, not a service. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Called once per answered request. */
  onRequest?: (entry: RequestLogEntry) => void;
  /**
   * Request body bytes held in memory at once, across all connections (128 MiB by default). One
   * vendor's 50 MB limit is per request; forty such uploads at once would otherwise add up.
   */
  maxBufferedBodyBytes?: number;
}

export interface RunningSimulator extends SimulatorControls {
  /** The base URL of one vendor, e.g. http://127.0.0.1:4010/collate. */
  url(vendorId: VendorId): string;
  /** The vendor's test credentials by role, with URLs pointing at this server. */
  credentials(vendorId: VendorId): VendorCredentials;
  readonly port: number;
  close(): Promise<void>;
}

/** Requests that take longer than this are cut off rather than left hanging. */
const REQUEST_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_BUFFERED_BODY_BYTES = 128 * 1024 * 1024;

/** What every connection shares: the body bytes held now, and each request still being answered. */
interface ServerShared {
  readonly maxBufferedBytes: number;
  bufferedBytes: number;
  readonly inFlight: Set<AbortController>;
}

/**
 * Serves every chosen vendor on one loopback port, each under its own path prefix, so one
 * `--port` is enough for all five and a client only changes its base URL.
 */
export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const core = createSimulatorCore(options);
  const host = options.host ?? '127.0.0.1';
  const shared: ServerShared = {
    maxBufferedBytes: options.maxBufferedBodyBytes ?? DEFAULT_MAX_BUFFERED_BODY_BYTES,
    bufferedBytes: 0,
    inFlight: new Set(),
  };
  // Each served vendor's runtime, found by its path prefix once per request.
  const served = core.vendors.map((id) => core.runtime(id));
  const server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS, keepAliveTimeout: 5_000 }, (req, res) => {
    const fail = () => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal Server Error');
    };
    try {
      serve(req, res, served, options.onRequest, shared)?.catch(fail);
    } catch {
      fail();
    }
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const url = (vendorId: VendorId) => {
    core.runtime(vendorId);
    return `${origin}/${vendorId}`;
  };
  return {
    ...controlsOf(core),
    port,
    url,
    credentials: (vendorId) => core.credentials(vendorId, url(vendorId)),
    close: () =>
      new Promise<void>((resolve) => {
        // Held requests stop waiting (their timers are cleared), so nothing outlives the server.
        for (const controller of shared.inFlight) controller.abort();
        server.close(() => resolve());
        // Held requests (a write kept in flight on a virtual clock) would otherwise keep it open.
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Answers one request. A request with no body to wait for is answered in the same turn (no promise,
 * no microtask), the way most reads and refusals go; only a body to read, or an answer the runtime
 * must wait for, returns a promise. Both paths end in `send`.
 */
function serve(
  req: IncomingMessage,
  res: ServerResponse,
  served: readonly VendorRuntime[],
  onRequest: ((entry: RequestLogEntry) => void) | undefined,
  shared: ServerShared,
): Promise<void> | undefined {
  const exchange: Exchange = {
    started: onRequest === undefined ? 0 : performance.now(),
    method: upperCaseMethod(req.method),
    target: splitTarget(req.url ?? '/'),
    headers: headersOf(req),
    vendorId: undefined,
  };
  const { pathname } = exchange.target;
  // "/collate/v1/x" is vendor "collate", path "/v1/x"; "/collate" alone is path "/".
  const runtime = runtimeAt(served, pathname);
  if (!runtime) {
    req.resume();
    const slash = pathname.indexOf('/', 1);
    const prefix = slash === -1 ? pathname.slice(1) : pathname.slice(1, slash);
    return send(res, exchange, onRequest, {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: `No simulated vendor at /${prefix}. Use one of: ${served.map(({ vendorId }) => `/${vendorId}`).join(', ')}.\n`,
    });
  }
  exchange.vendorId = runtime.vendorId;
  const rest = runtime.vendorId.length + 1;
  const path = rest === pathname.length ? '/' : pathname.slice(rest);
  const declared = parseLength(exchange.headers['content-length']);
  const limit = runtime.model.maxBodyBytes;
  // An oversized declared body is refused before a byte of it is read, as the vendors do.
  const over = declared !== null && declared > limit;
  const hasBody = (declared !== null && declared > 0) || exchange.headers['transfer-encoding'] !== undefined;
  if (over || !hasBody) {
    const request = new HttpSimRequest(exchange, path, EMPTY_BODY, declared, res, shared);
    return send(res, exchange, onRequest, runtime.handle(request));
  }
  let buffered = 0;
  const account = (bytes: number) => {
    buffered += bytes;
  };
  return readBody(req, limit, shared, account).then(async (read) => {
    try {
      const response = read.busy
        ? {
            status: 503,
            headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1', connection: 'close' },
            body: 'The simulator is holding as many request bodies as it allows; try again.\n',
          }
        : await runtime.handle(
            new HttpSimRequest(
              exchange,
              path,
              read.body,
              read.over ? Math.max(declared ?? 0, limit + 1) : declared,
              res,
              shared,
            ),
          );
      send(res, exchange, onRequest, response);
    } finally {
      shared.bufferedBytes -= buffered;
    }
  });
}

const EMPTY_BODY = new Uint8Array();

/**
 * The runtime whose vendor id is the path's first part. Compared in place with each served id (five
 * at most) rather than cutting that part out to look it up: a new string per request to hash.
 */
function runtimeAt(served: readonly VendorRuntime[], pathname: string): VendorRuntime | undefined {
  for (const runtime of served) {
    const { vendorId } = runtime;
    const end = vendorId.length + 1;
    if (pathname.startsWith(vendorId, 1) && (end === pathname.length || pathname.charCodeAt(end) === SLASH))
      return runtime;
  }
  return undefined;
}

const SLASH = 0x2f;

/**
 * The method in upper case. Node's parser knows only upper-case methods and hands over its own
 * strings for them, so the common ones are taken as they are; anything else is upper-cased.
 */
function upperCaseMethod(method: string | undefined): string {
  if (method === undefined) return 'GET';
  return UPPER_CASE_METHODS.has(method) ? method : method.toUpperCase();
}

const UPPER_CASE_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The request's headers as the models take them: lower-case names, one string each. Node's own
 * header object is already that, but for set-cookie (an array), so it is used as it is unless an
 * array is in it; a copy per request showed in the profile. Models never change a request's headers.
 */
function headersOf(req: IncomingMessage): Record<string, string> {
  const { headers } = req;
  for (const name in headers) if (typeof headers[name] !== 'string') return flattenHeaders(headers);
  return headers as Record<string, string>;
}

/** What the transport knows of a request besides its body, kept for the answer and its log line. */
interface Exchange {
  readonly started: number;
  readonly method: string;
  readonly target: { pathname: string; search: string };
  readonly headers: Record<string, string>;
  vendorId: VendorId | undefined;
}

/**
 * A request as the models see it. A class rather than an object literal with getters, because one
 * is made per request: the query is parsed on first use (most requests carry none and most models
 * never read it), and the abort signal is made only for a request that reads it (one held by a
 * delay fault).
 */
class HttpSimRequest implements SimRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  #query: URLSearchParams | undefined;
  #signal: AbortSignal | undefined;

  constructor(
    private readonly exchange: Exchange,
    readonly path: string,
    readonly body: Uint8Array,
    readonly declaredLength: number | null,
    private readonly res: ServerResponse,
    private readonly shared: ServerShared,
  ) {
    this.method = exchange.method;
    this.headers = exchange.headers;
  }

  get query(): URLSearchParams {
    this.#query ??= new URLSearchParams(this.exchange.target.search);
    return this.#query;
  }

  get signal(): AbortSignal {
    this.#signal ??= abortSignalOf(this.res, this.shared);
    return this.#signal;
  }
}

/**
 * Sends an answer, now or once it is ready. The body goes out with its length, in one write: without
 * it Node would send the headers and a chunked body separately. The header list is given to
 * writeHead whole: a header set beforehand makes Node copy every other one in through setHeader.
 */
function send(
  res: ServerResponse,
  exchange: Exchange,
  onRequest: ((entry: RequestLogEntry) => void) | undefined,
  answer: MaybePromise<SimResponse>,
): Promise<void> | undefined {
  if (answer instanceof Promise) return answer.then((response) => send(res, exchange, onRequest, response));
  // The client left while its answer was held: there is no one to answer.
  if (res.destroyed) return undefined;
  // A refused body is not read into memory; once the answer is out, Node discards whatever the
  // client still sends (bounded by the request timeout), so the client sees the answer rather
  // than a reset connection in the middle of its upload.
  const head: string[] = [];
  const { headers } = answer;
  for (const name in headers) head.push(name, headers[name] as string);
  // A content-length the answer sets itself (names are lower case) stands.
  if (bodyAllowed(answer.status, exchange.method) && headers['content-length'] === undefined)
    head.push('content-length', String(knownByteLength(answer) ?? Buffer.byteLength(answer.body)));
  res.writeHead(answer.status, head);
  res.end(answer.body);
  onRequest?.({
    vendorId: exchange.vendorId,
    method: exchange.method,
    target: `${exchange.target.pathname}${redactQuery(new URLSearchParams(exchange.target.search))}`,
    status: answer.status,
    durationMs: performance.now() - exchange.started,
    requestId: headers['x-request-id'] ?? requestIdOf(answer.body),
    headers: redactHeaders(exchange.headers),
  });
  return undefined;
}

/**
 * The abort signal of one request: aborted when the client goes before its answer (or the server
 * closes), so a held answer stops waiting for nobody. Made only when a request asks for it: most
 * requests are never held, and an AbortController, a close listener and a set entry per request
 * showed in the simulator's profile.
 */
function abortSignalOf(res: ServerResponse, shared: ServerShared): AbortSignal {
  const controller = new AbortController();
  if (res.destroyed) {
    controller.abort();
    return controller.signal;
  }
  shared.inFlight.add(controller);
  res.on('close', () => {
    shared.inFlight.delete(controller);
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** Whether an answer may carry a body, and so a Content-Length for it (RFC 9110 section 8.6). */
function bodyAllowed(status: number, method: string): boolean {
  return status >= 200 && status !== 204 && status !== 304 && method !== 'HEAD';
}

/**
 * The request target as path and query text (without its `?`). Origin-form targets (all a client
 * sends to a server) are split by hand, which is measurably cheaper per request than WHATWG URL
 * parsing.
 */
function splitTarget(target: string): { pathname: string; search: string } {
  if (!target.startsWith('/')) {
    try {
      const parsed = new URL(target);
      return { pathname: parsed.pathname, search: parsed.search.slice(1) };
    } catch {
      return { pathname: '/', search: '' };
    }
  }
  const query = target.indexOf('?');
  if (query === -1) return { pathname: target, search: '' };
  return { pathname: target.slice(0, query), search: target.slice(query + 1) };
}

function parseLength(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,16}$/.test(value.trim())) return null;
  return Number(value);
}

/**
 * Reads at most limit bytes; a body that runs past it is abandoned, not buffered. Bytes held count
 * against the server-wide budget (`account` is told of each chunk kept, to give it back later); a
 * body that would take the total past it is abandoned as `busy`.
 */
function readBody(
  req: IncomingMessage,
  limit: number,
  shared: ServerShared,
  account: (bytes: number) => void,
): Promise<{ body: Uint8Array; over: boolean; busy: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    const finish = (over: boolean, busy = false) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve({ body: over || busy ? new Uint8Array() : new Uint8Array(Buffer.concat(chunks)), over, busy });
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) return finish(true);
      if (shared.bufferedBytes + chunk.length > shared.maxBufferedBytes) return finish(false, true);
      shared.bufferedBytes += chunk.length;
      account(chunk.length);
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => finish(false));
    req.on('error', () => finish(false));
    req.on('aborted', () => finish(false));
  });
}

/** Finds a request id in a JSON error body for the log line, wherever the vendor puts it. */
function requestIdOf(body: string): string | undefined {
  const match = /"(?:requestId|request_id)":"([^"]+)"/.exec(body);
  return match?.[1];
}
