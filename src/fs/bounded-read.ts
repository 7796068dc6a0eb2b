import { open } from 'node:fs/promises';
import { ErrorContractsError } from '../errors.js';

/** A run's config file larger than this is refused; a real one is a few KB. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** A body `validate` reads, from a file or standard input. */
export const MAX_VALIDATE_BYTES = 16 * 1024 * 1024;

/** A file (or standard input) larger than the command accepts; read no further than the limit. */
export class InputTooLargeError extends ErrorContractsError {
  readonly bytes: number;
  readonly limit: number;

  constructor(what: string, bytes: number, limit: number) {
    super('ERR_INPUT_TOO_LARGE', `${what} is ${describeSize(bytes)}, above the ${describeSize(limit)} limit`);
    this.name = 'InputTooLargeError';
    this.bytes = bytes;
    this.limit = limit;
  }
}

/** "760 MB", "12.5 KB": sizes as a reader says them (1 MB = 1024 * 1024 bytes). */
export function describeSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}

/**
 * Reads a whole file, but refuses one larger than `limit` bytes from its size alone, before a byte
 * is read: a huge file must give a clear message, not an out-of-memory crash or a misleading
 * "missing" (Node cannot make a string of more than 512 MB). Errors from opening (ENOENT and so
 * on) are passed through for the caller to word.
 */
export async function readBoundedFile(path: string, limit: number, what = path): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    if (stats.isFile() && stats.size > limit) throw new InputTooLargeError(what, stats.size, limit);
    // The size is only a first guess: a pipe, FIFO or /dev/fd/N reports 0 and a file may grow after
    // stat, so keep reading chunks until end of file, or one byte past the limit to refuse it.
    const chunks: Uint8Array[] = [];
    let total = 0;
    let chunkSize = Math.min(Math.max(stats.isFile() ? stats.size : 0, READ_CHUNK_BYTES), limit) + 1;
    for (;;) {
      const chunk = new Uint8Array(Math.min(chunkSize, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw new InputTooLargeError(what, total, limit);
      chunkSize = READ_CHUNK_BYTES;
    }
    return concatChunks(chunks, total);
  } finally {
    await handle.close();
  }
}

/** How much to read at a time once the size the file reported has been read. */
const READ_CHUNK_BYTES = 64 * 1024;

function concatChunks(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const result = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}

/** Collects a stream's bytes, refusing once it passes `limit`. */
export async function readBoundedStream(
  stream: AsyncIterable<Uint8Array | string>,
  limit: number,
  what: string,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.length;
    if (total > limit) throw new InputTooLargeError(what, total, limit);
    chunks.push(bytes);
  }
  return concatChunks(chunks, total);
}
