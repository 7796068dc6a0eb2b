import { describe, expect, it } from 'vitest';
import { jsonAnswer, writeAnswer } from './kit/answer.js';
import { readBody } from './kit/body.js';
import { streamBody } from './kit/client.js';
import { listenOnLoopback } from './kit/server.js';

const LIMIT = 64 * 1024;

/** A server that reads each body with the cap and reports what it kept or how far it counted. */
async function cappedServer() {
  const counted: number[] = [];
  const server = await listenOnLoopback((req, res) => {
    void readBody(req, LIMIT).then((read) => {
      if (read.kind === 'tooLarge') counted.push(read.receivedBytes);
      const answer =
        read.kind === 'complete'
          ? jsonAnswer(200, { kept: read.bytes.length })
          : jsonAnswer(413, { kind: read.kind });
      writeAnswer(res, answer);
    });
  });
  return { ...server, counted };
}

describe('dialect B body reading', () => {
  it('keeps a body of exactly the limit and refuses one byte more', async () => {
    const server = await cappedServer();
    try {
      const exact = await streamBody(server.baseUrl, { totalBytes: LIMIT, chunkBytes: 1024 });
      expect([exact.status, exact.sentBytes, exact.text]).toEqual([
        200,
        LIMIT,
        JSON.stringify({ kept: LIMIT }),
      ]);
      expect(
        (await streamBody(server.baseUrl, { totalBytes: LIMIT + 1, chunkBytes: LIMIT + 1 })).status,
      ).toBe(413);
    } finally {
      await server.close();
    }
  });

  it('answers an endless body once the count passes the limit, whatever Content-Length claims', async () => {
    const server = await cappedServer();
    try {
      const total = 400 * LIMIT;
      const chunked = await streamBody(server.baseUrl, { totalBytes: total, chunkBytes: 16 * 1024 });
      expect(chunked.status).toBe(413);
      expect(chunked.sentBytes).toBeLessThan(total);
      // A Content-Length far above the limit is not refused on its word: the bytes are counted.
      const declared = await streamBody(server.baseUrl, {
        totalBytes: total,
        chunkBytes: 16 * 1024,
        headers: { 'content-length': String(total) },
      });
      expect(declared.status).toBe(413);
      for (const count of server.counted) expect(count).toBeLessThanOrEqual(LIMIT + 64 * 1024);
    } finally {
      await server.close();
    }
  });
});
