import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The HTTP plumbing every independent vendor shares: one `node:http` server on 127.0.0.1, port 0,
 * per vendor, bodies read whole (with a bound), and answers built as plain data. It knows nothing
 * about any vendor; each vendor module is a function from an `Incoming` to an `Outgoing`.
 */

export interface Incoming {
  method: string;
  /** The path without its query string. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  body: Buffer;
}

export interface Outgoing {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** How long to hold the answer back (a write that takes a while); bounded by the server. */
  delayMs?: number;
  /** Runs when a held answer is finally sent: the moment the slow write counts as finished. */
  settle?: () => void;
}

export interface VendorHandler {
  /**
   * Judged from the headers alone, before any byte of the body is read: an answer here is sent at
   * once and the connection closed, so a declared body larger than the vendor takes is never read.
   */
  beforeBody?(request: Omit<Incoming, 'body'>, declaredLength: number | null): Outgoing | undefined;
  handle(request: Incoming): Outgoing | Promise<Outgoing>;
}

export interface RunningServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** The most bytes any vendor body is read into memory; a vendor's own limit is judged before. */
const READ_LIMIT_BYTES = 2 * 1024 * 1024;
/** No answer is held back longer than this, whatever a vendor asks: every wait is bounded. */
const MAX_DELAY_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Outgoing {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function text(status: number, body: string, contentType = 'text/plain; charset=utf-8'): Outgoing {
  return { status, headers: { 'content-type': contentType }, body };
}

export function parseJsonBody(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (body.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function send(res: ServerResponse, answer: Outgoing, closeAfter = false): void {
  answer.settle?.();
  const body = answer.body ?? '';
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-length': String(Buffer.byteLength(body)),
    ...(closeAfter ? { connection: 'close' } : {}),
  });
  res.end(body);
}

/** Starts one vendor's server; `close()` ends its sockets and pending delays so nothing is left running. */
export async function serve(handler: VendorHandler): Promise<RunningServer> {
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const head = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: headersOf(req),
    };
    const declared =
      req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
    // A body larger than anything is read is refused unread, whether or not the vendor judges it,
    // so no declared length can keep a request waiting for bytes that never come.
    const early =
      handler.beforeBody?.(head, declared) ??
      (declared !== null && declared > READ_LIMIT_BYTES ? text(413, 'Request body too large') : undefined);
    if (early) {
      send(res, early, true);
      res.on('finish', () => req.destroy());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > READ_LIMIT_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      Promise.resolve()
        .then(() => handler.handle({ ...head, body: Buffer.concat(chunks) }))
        .catch(() => text(500, 'internal error'))
        .then((answer) => {
          const delay = Math.min(answer.delayMs ?? 0, MAX_DELAY_MS);
          if (delay <= 0) return send(res, answer);
          const timer = setTimeout(() => {
            timers.delete(timer);
            send(res, answer);
          }, delay);
          timers.add(timer);
        });
    });
  });
  // A request whose body never completes is given up on, so no client can hold a server open.
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
