import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputTooLargeError, readBoundedFile } from '../../src/fs/bounded-read.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ec-bounded-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A FIFO reports size 0, as `<(...)` and /dev/fd/N do; a writer fills it while it is read. */
async function readFromFifo(name: string, content: string, limit: number): Promise<Uint8Array> {
  const path = join(scratch, name);
  execFileSync('mkfifo', [path]);
  const writing = writeFile(path, content);
  try {
    return await readBoundedFile(path, limit, 'the config');
  } finally {
    await writing.catch(() => undefined);
  }
}

const bodies = [
  { source: 'a short body', content: '{"vendors":{}}' },
  { source: 'a body of several read chunks', content: `{"pad":"${'x'.repeat(200_000)}"}` },
];

describe('readBoundedFile', () => {
  it.each(bodies)('reads $source from a FIFO whole, though its size reads as 0', async ({ content }) => {
    const bytes = await readFromFifo(`fifo-${content.length}`, content, 1024 * 1024);
    expect(new TextDecoder().decode(bytes)).toBe(content);
  });

  it('refuses a FIFO that passes the limit, though its size reads as 0', async () => {
    await expect(readFromFifo('fifo-large', 'y'.repeat(5000), 1000)).rejects.toBeInstanceOf(
      InputTooLargeError,
    );
  });

  it.each(bodies)('reads $source from a regular file whole', async ({ content }) => {
    const path = join(scratch, `file-${content.length}.json`);
    await writeFile(path, content);
    expect(new TextDecoder().decode(await readBoundedFile(path, 1024 * 1024))).toBe(content);
  });
});
