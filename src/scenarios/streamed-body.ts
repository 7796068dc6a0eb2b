import type { ClientRequest } from 'node:http';

/** Bytes handed to the socket at a time; the socket's own buffering keeps ahead of it. */
export const STREAM_CHUNK_BYTES = 64 * 1024;

/**
 * A request body of a given total size, sent for real: the scenario's own body first, then filler
 * up to the total. How a size limit is provoked without holding megabytes in memory: the bytes are
 * streamed in chunks, and the stream stops as soon as the server answers (a server that judges
 * Content-Length first answers at once; one that reads the whole body answers after the last byte).
 * Filler after the body is harmless where a format has an end of its own (a multipart body's
 * epilogue, bytes after a PDF's end).
 */
export class StreamedBody {
  /** Body bytes handed to the socket before the answer came (or all of them). */
  sentBytes = 0;

  constructor(
    readonly head: Buffer,
    readonly totalBytes: number,
  ) {}

  /** What a report or cassette keeps of it: the body's own text and the size it was padded to. */
  toString(): string {
    return `${this.head.toString('utf8')}[padded with filler to ${this.totalBytes} bytes]`;
  }
}

/**
 * Writes a streamed body to a request with backpressure, chunk by chunk, until every byte is sent
 * (then ends the request) or `answered()` turns true (then stops: the caller abandons the rest).
 * Counts what it hands to the socket in `body.sentBytes`.
 */
export async function writeStreamedBody(
  req: ClientRequest,
  body: StreamedBody,
  answered: () => boolean,
): Promise<void> {
  const filler = Buffer.alloc(STREAM_CHUNK_BYTES, 0x20);
  const head = body.head.subarray(0, body.totalBytes);
  const write = async (chunk: Buffer) => {
    body.sentBytes += chunk.length;
    if (!req.write(chunk)) await drainedOrClosed(req);
  };
  await write(head);
  while (body.sentBytes < body.totalBytes && !answered() && !req.destroyed) {
    await write(filler.subarray(0, Math.min(STREAM_CHUNK_BYTES, body.totalBytes - body.sentBytes)));
  }
  if (!answered() && !req.destroyed) req.end();
}

/** Resolves once the request can take more, or is gone; leaves no listener behind either way. */
function drainedOrClosed(req: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done);
      req.off('close', done);
      resolve();
    };
    req.on('drain', done);
    req.on('close', done);
  });
}
