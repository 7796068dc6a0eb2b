/**
 * A size limit is provoked with real bytes: the body is streamed in chunks up to one byte past the
 * limit and stops as soon as the server answers. Two honest servers: one judges Content-Length
 * before reading a byte, one reads the whole body and then judges its size. Neither may leave the
 * exchange waiting for bytes that are never sent.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { exchange } from '../../src/scenarios/runner.js';
import { StreamedBody } from '../../src/scenarios/streamed-body.js';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** A server with a body limit, judging it the way `judges` says; it reports what it received. */
async function limitedServer(limit: number, judges: 'content-length-first' | 'whole-body') {
  const received: number[] = [];
  const server = http.createServer((req, res) => {
    const tooLarge = () => {
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
      res.end('{"error":{"code":"payload_too_large"}}');
    };
    if (judges === 'content-length-first' && Number(req.headers['content-length']) > limit) {
      tooLarge();
      return;
    }
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    req.on('end', () => {
      received.push(bytes);
      if (bytes > limit) tooLarge();
      else res.end('{}');
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/upload`, received };
}

const head = Buffer.from('%PDF-1.7\n');

describe('a body streamed one byte past the limit', () => {
  it('reaches a server that reads the whole body first, every byte of it, and gets its 413', async () => {
    const limit = 2 * 1024 * 1024;
    const server = await limitedServer(limit, 'whole-body');
    const body = new StreamedBody(head, limit + 1);
    const answer = await exchange(server.url, 'PUT', { 'content-type': 'application/pdf' }, body);
    expect(answer.status).toBe(413);
    expect(answer.bodyBytesSent).toBe(limit + 1);
    expect(server.received).toEqual([limit + 1]);
  });

  it('stops as soon as a server that judges Content-Length first answers', async () => {
    const limit = 256 * 1024 * 1024;
    const server = await limitedServer(limit, 'content-length-first');
    const body = new StreamedBody(head, limit + 1);
    const answer = await exchange(server.url, 'PUT', { 'content-type': 'application/pdf' }, body);
    expect(answer.status).toBe(413);
    // The answer came long before 256 MiB could have gone out; the rest was never sent.
    expect(answer.bodyBytesSent).toBeGreaterThanOrEqual(head.length);
    expect(answer.bodyBytesSent).toBeLessThan(limit + 1);
  });

  it('declares the whole size it sends and starts with the request’s own body', async () => {
    let seen: { length: string | undefined; start: string } | undefined;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const all = Buffer.concat(chunks);
        seen = { length: req.headers['content-length'], start: all.subarray(0, head.length).toString() };
        res.end(String(all.length));
      });
    });
    servers.push(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const answer = await exchange(`http://127.0.0.1:${port}/`, 'POST', {}, new StreamedBody(head, 200_000));
    expect(answer.body).toBe('200000');
    expect(seen).toEqual({ length: '200000', start: head.toString() });
  });
});
