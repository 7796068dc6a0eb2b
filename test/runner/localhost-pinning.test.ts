import dns from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackUrl } from '../../src/runner/config/loopback.js';
import { exchange } from '../../src/scenarios/runner.js';

/**
 * RFC 6761 reserves `localhost` and every name under it for this machine. The loopback guard lets
 * such a base URL (or token URL) through without a sandbox declaration, so the name must then be
 * connected to loopback itself: a hostile resolver that answers another address must never be asked.
 */
let server: Server;
let port: number;
const original = dns.lookup;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((_req, res) => res.end('loopback answered'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  dns.lookup = original;
  asked.length = 0;
});

/** Stands in for a resolver that sends every name to an address off this machine. */
function hostileResolver(answer: 'elsewhere' | 'nothing' = 'elsewhere'): void {
  dns.lookup = ((hostname: string, options: unknown, callback?: unknown) => {
    asked.push(hostname);
    if (answer === 'nothing')
      return void (typeof options === 'function' ? options : (callback as (e: Error) => void))(
        new Error('ENOTFOUND'),
      );
    const done = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
    const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
    if (all) done(null, [{ address: '192.0.2.10', family: 4 }]);
    else done(null, '192.0.2.10', 4);
  }) as typeof dns.lookup;
}

const names = ['localhost', 'api.localhost', 'token.vendor.localhost', 'API.LOCALHOST'];

describe('a *.localhost URL', () => {
  it.each(names)('%s passes the loopback guard', (name) => {
    expect(isLoopbackUrl(`http://${name}:${port}/x`)).toBe(true);
  });

  it.each(names)('%s is connected to loopback without asking the resolver', async (name) => {
    hostileResolver();
    const answer = await Promise.race([
      exchange(`http://${name}:${port}/claims/1`, 'GET', {}, undefined),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no answer from loopback')), 3_000),
      ),
    ]);
    expect(answer.body).toBe('loopback answered');
    expect(asked).toEqual([]);
  });

  it('leaves other names to the resolver', async () => {
    hostileResolver('nothing');
    const failure = await exchange(`http://vendor.example.test:${port}/x`, 'GET', {}, undefined).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(asked).toEqual(['vendor.example.test']);
  });
});
