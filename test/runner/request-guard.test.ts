import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestGuard } from '../../src/net/request-guard.js';
import { operationVariable } from '../../src/runner/config/env-names.js';
import { parseRunConfig, sandboxVendors } from '../../src/runner/config/sandbox-config.js';
import { createHttpTarget } from '../../src/runner/targets/http-target.js';

/**
 * The declared-sandbox guard applies to every request URL once resolved, not only to base and
 * token URLs: an operation given as an absolute URL elsewhere, or an operation variable such as
 * `@evil.example/x` (which turns the base URL into a user name), would send credentials to a host
 * nobody declared.
 */
const SANDBOX = 'https://sandbox.collate.example';
const credentialsEnv = { ERROR_CONTRACTS_COLLATE_VALID: 'key-for-the-sandbox' };

describe('the guard on every request URL', () => {
  it('refuses an operation variable that is not a path, naming the variable, as the file rule would', () => {
    const variable = operationVariable('collate', 'authorization');
    const env = {
      ...credentialsEnv,
      ERROR_CONTRACTS_COLLATE_BASE_URL: SANDBOX,
      ERROR_CONTRACTS_COLLATE_SANDBOX: 'true',
      [variable]: '@evil.example/api/pa/{id}',
    };
    expect(() => sandboxVendors({}, env, ['collate'], false)).toThrow(
      expect.objectContaining({ code: 'ERR_RUN_CONFIG', message: expect.stringContaining(variable) }),
    );
  });

  it('refuses a file member that names a variable holding something other than a path', () => {
    const file = parseRunConfig(
      {
        vendors: {
          collate: { baseUrl: SANDBOX, sandbox: true, operations: { authorization: { env: 'MY_PATH' } } },
        },
      },
      'test.json',
    );
    expect(() =>
      sandboxVendors(file, { ...credentialsEnv, MY_PATH: '@evil.example/x' }, ['collate'], false),
    ).toThrow(/vendors\.collate\.operations\.authorization must be a path/);
  });

  it.each([
    ['a declared sandbox', { baseUrl: SANDBOX, sandbox: true }, false],
    ['a loopback base URL', { baseUrl: 'http://127.0.0.1:9/collate' }, false],
    ['a run told --yes-this-is-a-sandbox', { baseUrl: SANDBOX }, true],
  ])('refuses an absolute operation URL on another host, for %s', (_label, vendor, allowUndeclared) => {
    const file = parseRunConfig(
      {
        vendors: {
          collate: { ...vendor, operations: { authorization: 'https://evil.example/api/pa/{id}' } },
        },
      },
      'test.json',
    );
    expect(() => sandboxVendors(file, credentialsEnv, ['collate'], allowUndeclared)).toThrow(
      /operation authorization is an absolute URL on evil\.example/,
    );
  });

  it('accepts an absolute operation URL on the declared origin', () => {
    const file = parseRunConfig(
      {
        vendors: {
          collate: { baseUrl: SANDBOX, sandbox: true, operations: { authorization: `${SANDBOX}/pa/{id}` } },
        },
      },
      'test.json',
    );
    expect(sandboxVendors(file, credentialsEnv, ['collate'], false).get('collate')?.baseUrl).toBe(SANDBOX);
  });

  it.each([
    ['another host', 'https://evil.example/x', /evil\.example/],
    ['the base URL turned into user info', `${SANDBOX}@evil.example/x`, /user info/],
    ['another port of the sandbox host', 'https://sandbox.collate.example:8443/x', /8443/],
    ['another scheme', 'file:///etc/passwd', /file:/],
  ])('refuses a resolved URL to %s', (_label, url, reason) => {
    expect(createRequestGuard([SANDBOX]).refusal(url)).toMatch(reason);
  });

  it.each([`${SANDBOX}/v1/x`, 'http://127.0.0.1:4010/x', 'http://api.localhost/x', 'http://[::1]/x'])(
    'lets %s through',
    (url) => {
      expect(createRequestGuard([SANDBOX]).refusal(url)).toBeUndefined();
    },
  );
});

describe('the sandbox target', () => {
  let server: Server;
  let base: string;
  let received = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      received++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends nothing to a resolved URL outside the declared origins, and fails with a configuration error', async () => {
    const vendors = sandboxVendors(
      {},
      { ...credentialsEnv, ERROR_CONTRACTS_COLLATE_BASE_URL: `${base}/collate` },
      ['collate'],
      false,
    );
    const { send } = createHttpTarget({ vendors });
    if (!send) throw new Error('the sandbox target has no send');
    await expect(send(`${base}/collate/ok`, 'GET', {}, undefined)).resolves.toMatchObject({
      status: 200,
    });
    expect(received).toBe(1);
    await expect(
      send(`http://${new URL(base).host}@127.0.0.1.nip.example/x`, 'GET', { 'x-api-key': 'k' }, undefined),
    ).rejects.toMatchObject({ code: 'ERR_RUN_CONFIG' });
    expect(received).toBe(1);
  });
});
