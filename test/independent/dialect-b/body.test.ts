import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { jsonAnswer, writeAnswer } from './kit/answer.js';
import { readBody } from './kit/body.js';
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

/** Streams `total` bytes in `chunk`-sized writes with backpressure, stopping once an answer comes. */
function streamBody(url: string, total: number, chunk: number, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; sent: number }>((resolve, reject) => {
    const piece = Buffer.alloc(chunk, 0x42);
    let sent = 0;
    let answered = false;
    const req = request(url, { method: 'POST', headers }, (res) => {
      answered = true;
      res.resume();
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, sent });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = (): void => {
      while (!answered && sent < total) {
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('dialect B body reading', () => {
  it('keeps a body of exactly the limit and refuses one byte more', async () => {
    const server = await cappedServer();
    try {
      expect(await streamBody(server.baseUrl, LIMIT, 1024)).toEqual({ status: 200, sent: LIMIT });
      expect((await streamBody(server.baseUrl, LIMIT + 1, LIMIT + 1)).status).toBe(413);
    } finally {
      await server.close();
    }
  });

  it('answers an endless body once the count passes the limit, whatever Content-Length claims', async () => {
    const server = await cappedServer();
    try {
      const total = 400 * LIMIT;
      const chunked = await streamBody(server.baseUrl, total, 16 * 1024);
      expect(chunked.status).toBe(413);
      expect(chunked.sent).toBeLessThan(total);
      // A Content-Length far above the limit is not refused on its word: the bytes are counted.
      const declared = await streamBody(server.baseUrl, total, 16 * 1024, {
        'content-length': String(total),
      });
      expect(declared.status).toBe(413);
      for (const count of server.counted) expect(count).toBeLessThanOrEqual(LIMIT + 64 * 1024);
    } finally {
      await server.close();
    }
  });
});
