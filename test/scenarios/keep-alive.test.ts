import { Agent, createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exchange, MAX_ANSWER_BYTES } from '../../src/scenarios/runner.js';
import { StreamedBody } from '../../src/scenarios/streamed-body.js';

/**
 * An exchange given a keep-alive agent (the embedded simulator's target) sends its requests over
 * one connection; without one (a sandbox) each request has a connection of its own. A connection
 * an exchange destroyed (an answer cut short) is never handed to the next request.
 */
let server: Server;
let base: string;
const connections = new Set<Socket>();
let opened = 0;

beforeAll(async () => {
  server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    if (req.url === '/huge') {
      // Larger than an exchange keeps, so the exchange cuts it short and destroys the connection.
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': MAX_ANSWER_BYTES * 2 });
      res.end(Buffer.alloc(MAX_ANSWER_BYTES * 2, 'a'));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  server.on('connection', (socket: Socket) => {
    opened++;
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  opened = 0;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('an exchange and its connection', () => {
  it('reuses one connection across sequential requests when given a keep-alive agent', async () => {
    const agent = new Agent({ keepAlive: true });
    try {
      for (let i = 0; i < 3; i++) {
        const answer = await exchange(`${base}/ok`, 'GET', {}, undefined, agent);
        expect(answer.status).toBe(200);
        expect(answer.headers.connection).toBe('keep-alive');
      }
      expect(opened).toBe(1);
    } finally {
      agent.destroy();
    }
  });

  it('opens and closes a connection per request without an agent', async () => {
    for (let i = 0; i < 3; i++) {
      const answer = await exchange(`${base}/ok`, 'GET', {}, undefined);
      expect(answer.headers.connection).toBe('close');
    }
    expect(opened).toBe(3);
  });

  it('sends a streamed upload on a connection of its own, agent or not', async () => {
    const agent = new Agent({ keepAlive: true });
    try {
      await exchange(`${base}/ok`, 'GET', {}, undefined, agent);
      const upload = await exchange(`${base}/ok`, 'POST', {}, new StreamedBody(Buffer.from('x'), 4), agent);
      expect(upload.status).toBe(200);
      expect(opened).toBe(2);
      // The connection the agent kept is still there for the next request.
      await exchange(`${base}/ok`, 'GET', {}, undefined, agent);
      expect(opened).toBe(2);
    } finally {
      agent.destroy();
    }
  });

  it('never reuses a connection it destroyed', async () => {
    const agent = new Agent({ keepAlive: true });
    try {
      const cut = await exchange(`${base}/huge`, 'GET', {}, undefined, agent);
      expect(cut.bodyTruncated).toBe(true);
      const next = await exchange(`${base}/ok`, 'GET', {}, undefined, agent);
      expect(next.status).toBe(200);
      expect(next.body).toBe('{"ok":true}');
      expect(opened).toBe(2);
    } finally {
      agent.destroy();
    }
  });
});
