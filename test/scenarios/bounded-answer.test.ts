import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange, MAX_ANSWER_BYTES } from '../../src/scenarios/runner.js';

/**
 * A sandbox answer is read only as far as MAX_ANSWER_BYTES: a 64 MB body is not held in memory
 * (a 200 MB one once peaked near 900 MB). The head is kept and marked as cut, as the normalizer
 * keeps the head of a body too large to parse.
 */
const TOTAL = 64 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'a');
let server: Server;
let url: string;
let sent = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json', 'content-length': TOTAL });
    const pump = () => {
      while (sent < TOTAL) {
        sent += CHUNK.length;
        if (!res.write(CHUNK)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/huge`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('an exchange with a huge answer', () => {
  it('keeps the head up to the cap, says it was cut, and stops reading', async () => {
    const answer = await exchange(url, 'GET', {}, undefined);
    expect(answer.status).toBe(500);
    expect(answer.body.length).toBe(MAX_ANSWER_BYTES);
    expect(answer.body.startsWith('aaaa')).toBe(true);
    expect(answer.bodyTruncated).toBe(true);
    // The server was cut off well before it could send everything.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toBeLessThan(TOTAL);
  });
});
