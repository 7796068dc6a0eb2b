import { request } from 'node:http';
import type { DialectCredential, DialectDirectory } from '../types.js';

/** What a test sees of an answer: status, headers (lower-case names) and the parsed body. */
export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string | Uint8Array;
}

/** One HTTP exchange with a started vendor, for the dialect's own tests. */
export async function call(url: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | Uint8Array | undefined = options.body;
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // Not JSON: the text stays the body.
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** Fills `{name}` placeholders of an operation path from params. */
export function operationUrl(
  directory: DialectDirectory,
  operation: string,
  params: Record<string, string | number> = {},
): string {
  const found = directory.operations[operation];
  if (found === undefined) throw new Error(`no operation ${operation}`);
  const path = found.path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params[name] ?? directory.facts[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${operation}`);
    return encodeURIComponent(String(value));
  });
  return `${directory.baseUrl}${path}`;
}

export function credential(directory: DialectDirectory, name: string): DialectCredential {
  const found = directory.credentials[name];
  if (found === undefined) throw new Error(`no credential ${name}`);
  return found;
}

/** The header a header credential sends. */
export function credentialHeader(directory: DialectDirectory, name: string): Record<string, string> {
  const found = credential(directory, name);
  if (found.kind !== 'header') throw new Error(`${name} is not a header credential`);
  return { [found.header]: found.value };
}

/**
 * POSTs a body of `totalBytes` in `chunkBytes` writes, honouring backpressure, and stops writing as
 * soon as the answer comes: `sentBytes` tells how much went out before the server answered.
 */
export function streamBody(
  url: string,
  options: { totalBytes: number; chunkBytes: number; headers?: Record<string, string> },
): Promise<{ status: number; text: string; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(options.chunkBytes, 0x42);
    let sentBytes = 0;
    let answered = false;
    const outgoing = request(url, { method: 'POST', headers: options.headers ?? {} }, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (piece: string) => {
        text += piece;
      });
      res.on('end', () => {
        outgoing.destroy();
        resolve({ status: res.statusCode ?? 0, text, sentBytes });
      });
    });
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = (): void => {
      while (!answered && sentBytes < options.totalBytes) {
        sentBytes += chunk.length;
        if (!outgoing.write(chunk)) {
          outgoing.once('drain', pump);
          return;
        }
      }
      if (!answered) outgoing.end();
    };
    pump();
  });
}
