import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DialectDirectory } from '../types.js';
import { createVendor } from './index.js';

/**
 * Test support: starts one Collate sandbox on a loopback port and sends requests to it by
 * operation name, the way a user's config would (path params and credentials from the directory).
 */

export interface SendOptions {
  params?: Record<string, string | number>;
  /** Credential name from the directory; `null` sends no Authorization header. */
  as?: string | null;
  /** JSON body; defaults to the operation's example body. */
  body?: unknown;
  raw?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export interface Running {
  directory: DialectDirectory;
  fact(name: string): string | number;
  send(operation: string, options?: SendOptions): Promise<Reply>;
  close(): Promise<void>;
  server: Server;
}

export async function startCollate(options: { bugs?: string[]; now?: () => number } = {}): Promise<Running> {
  const vendor = createVendor({ now: options.now ?? (() => Date.now()), bugs: new Set(options.bugs ?? []) });
  const server = createServer(vendor.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const directory = vendor.describe(`http://127.0.0.1:${port}`);
  const fact = (name: string): string | number => {
    const value = directory.facts[name];
    if (value === undefined) throw new Error(`no fact ${name}`);
    return value;
  };
  const send = async (name: string, sendOptions: SendOptions = {}): Promise<Reply> => {
    const operation = directory.operations[name];
    if (!operation) throw new Error(`no operation ${name}`);
    const path = operation.path.replace(/\{(\w+)\}/g, (_, param: string) => {
      const value = sendOptions.params?.[param];
      if (value === undefined) throw new Error(`no value for {${param}}`);
      return encodeURIComponent(String(value));
    });
    const headers: Record<string, string> = { ...(sendOptions.headers ?? {}) };
    const as = sendOptions.as === undefined ? 'adminKey' : sendOptions.as;
    if (as !== null) {
      const credential = directory.credentials[as];
      if (credential?.kind !== 'header') throw new Error(`no header credential ${as}`);
      headers[credential.header] = credential.value;
    }
    let body: string | Buffer | undefined;
    if (sendOptions.raw !== undefined) {
      body = sendOptions.raw;
    } else if (operation.method !== 'GET') {
      const json = 'body' in sendOptions ? sendOptions.body : operation.body;
      if (json !== undefined) body = JSON.stringify(json);
    }
    const contentType = sendOptions.contentType ?? operation.contentType;
    if (body !== undefined && contentType) headers['Content-Type'] = contentType;
    const response = await fetch(`${directory.baseUrl}${path}`, {
      method: operation.method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    };
  };
  return {
    directory,
    fact,
    send,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The error code of an error reply ('' for a success). */
export function codeOf(reply: Reply): string {
  const error = reply.body.error as { code?: string } | undefined;
  return error?.code ?? '';
}
