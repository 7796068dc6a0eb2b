import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { kind: 'complete'; bytes: Buffer }
  | { kind: 'tooLarge'; receivedBytes: number }
  | { kind: 'aborted' };

/** How long the rest of an oversized body is drained (and thrown away) before the socket is cut. */
const DRAIN_CAP_MS = 2_000;

/**
 * Reads a request body without trusting Content-Length: bytes are counted as they arrive, and once
 * the count passes `maxBytes` the chunks kept so far are dropped and the caller can answer at once.
 * The rest of the body is drained without being kept, so the client still reads the answer; a
 * client that keeps sending past the drain cap has its socket cut.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > maxBytes) {
        chunks.length = 0;
        req.off('data', onData);
        drainAndDiscard(req);
        settle({ kind: 'tooLarge', receivedBytes: received });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => settle({ kind: 'complete', bytes: Buffer.concat(chunks) }));
    // A request that closes before its end was cut off by the client.
    req.on('close', () => settle({ kind: 'aborted' }));
    req.on('error', () => settle({ kind: 'aborted' }));
  });
}

function drainAndDiscard(req: IncomingMessage): void {
  req.resume();
  const cut = setTimeout(() => req.socket.destroy(), DRAIN_CAP_MS);
  cut.unref();
  const clear = (): void => clearTimeout(cut);
  req.once('end', clear);
  req.socket.once('close', clear);
}

export type JsonResult = { kind: 'json'; value: unknown } | { kind: 'empty' } | { kind: 'malformed' };

export function parseJson(bytes: Buffer): JsonResult {
  const text = bytes.toString('utf8');
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'malformed' };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
