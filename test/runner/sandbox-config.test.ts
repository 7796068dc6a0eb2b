import { describe, expect, it } from 'vitest';
import { RunConfigError } from '../../src/runner/config/errors.js';
import { isLoopbackUrl } from '../../src/runner/config/loopback.js';
import {
  assertDeclaredSandboxes,
  parseRunConfig,
  resolveSandboxConfig,
} from '../../src/runner/config/sandbox-config.js';

describe('isLoopbackUrl', () => {
  it.each([
    ['http://127.0.0.1:4010/foresight', true],
    ['http://127.8.9.10/', true],
    ['http://localhost:80', true],
    ['http://api.localhost', true],
    ['http://[::1]:9000', true],
    ['https://sandbox.foresight.example', false],
    ['http://10.0.0.5', false],
    ['http://128.0.0.1', false],
    ['not a url', false],
  ])('%s is loopback: %s', (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });
});

describe('resolveSandboxConfig', () => {
  it('takes base URLs and credentials from the environment over the file', () => {
    const file = parseRunConfig(
      {
        vendors: {
          casexchange: {
            baseUrl: 'https://file.example/v1/',
            credentials: { valid: { value: 'from-file' }, readOnly: { value: { env: 'MY_READONLY_KEY' } } },
          },
        },
      },
      'test.json',
    );
    const resolved = resolveSandboxConfig(file, {
      ERROR_CONTRACTS_CASEXCHANGE_VALID: 'from-env',
      MY_READONLY_KEY: 'named-variable',
    });
    const vendor = resolved.get('casexchange');
    expect(vendor?.baseUrl).toBe('https://file.example/v1');
    expect(vendor?.credentials.roles.valid).toEqual({
      kind: 'header',
      header: 'X-API-Key',
      value: 'from-env',
    });
    expect(vendor?.credentials.roles.readOnly).toEqual({
      kind: 'header',
      header: 'X-API-Key',
      value: 'named-variable',
    });
    expect(vendor?.credentials.roles.revoked).toBeUndefined();
    expect([...resolved.keys()]).toEqual(['casexchange']);
  });

  it('builds OAuth client credentials for a vendor whose scheme is client credentials', () => {
    const resolved = resolveSandboxConfig(
      {},
      {
        ERROR_CONTRACTS_CLAIMREV_BASE_URL: 'https://claimrev.example',
        ERROR_CONTRACTS_CLAIMREV_VALID_CLIENT_ID: 'id',
        ERROR_CONTRACTS_CLAIMREV_VALID_CLIENT_SECRET: 'secret',
        ERROR_CONTRACTS_CLAIMREV_VALID_TOKEN_URL: 'https://login.example/token',
      },
    );
    expect(resolved.get('claimrev')?.credentials.roles.valid).toEqual({
      kind: 'oauthClient',
      clientId: 'id',
      clientSecret: 'secret',
      scope: '',
      tokenUrl: 'https://login.example/token',
    });
  });

  it('rejects a base URL that is not absolute, naming the variable', () => {
    expect(() =>
      resolveSandboxConfig({}, { ERROR_CONTRACTS_DENIALBASE_BASE_URL: 'denialbase.example' }),
    ).toThrow(/ERROR_CONTRACTS_DENIALBASE_BASE_URL/);
  });
});

describe('parseRunConfig', () => {
  it.each([
    [[], 'the file must hold a JSON object'],
    [{ vendor: {} }, 'vendor is not a known member'],
    [{ vendors: { acme: {} } }, 'vendors.acme is not a vendor id'],
    [{ vendors: { collate: { baseURL: 'x' } } }, 'vendors.collate.baseURL is not a known member'],
    [{ vendors: { collate: { sandbox: 'yes' } } }, 'vendors.collate.sandbox must be true or false'],
    [
      { vendors: { collate: { credentials: { admin: {} } } } },
      'vendors.collate.credentials.admin is not a credential role',
    ],
    [
      { vendors: { collate: { credentials: { valid: { value: 3 } } } } },
      'vendors.collate.credentials.valid.value must be a string',
    ],
    [
      { vendors: { collate: { checks: { x: { request: { path: 'no-slash' } } } } } },
      'vendors.collate.checks.x.request.path',
    ],
    [
      { vendors: { collate: { checks: { x: { request: { method: 'FETCH' } } } } } },
      'vendors.collate.checks.x.request.method',
    ],
  ])('rejects %j with a message naming the member', (value, message) => {
    expect(() => parseRunConfig(value, 'cfg.json')).toThrow(RunConfigError);
    expect(() => parseRunConfig(value, 'cfg.json')).toThrow(message);
  });
});

describe('assertDeclaredSandboxes', () => {
  const vendor = (baseUrl: string, declaredSandbox: boolean) => ({
    vendorId: 'foresight' as const,
    baseUrl,
    declaredSandbox,
    credentials: { vendorId: 'foresight' as const, roles: {}, facts: {} },
    checks: {},
  });

  it('refuses a remote host nobody declared a sandbox', () => {
    expect(() => assertDeclaredSandboxes([vendor('https://api.foresight.example', false)], false)).toThrow(
      /not loopback and was not declared a sandbox/,
    );
  });

  it('accepts a declared sandbox, a loopback host, or the explicit flag', () => {
    expect(() =>
      assertDeclaredSandboxes([vendor('https://sandbox.foresight.example', true)], false),
    ).not.toThrow();
    expect(() => assertDeclaredSandboxes([vendor('http://127.0.0.1:4010', false)], false)).not.toThrow();
    expect(() =>
      assertDeclaredSandboxes([vendor('https://api.foresight.example', false)], true),
    ).not.toThrow();
  });
});

describe('a config value that names an environment variable', () => {
  it('is an error naming the member and the variable when the variable is not set', () => {
    const file = parseRunConfig(
      {
        vendors: {
          collate: {
            baseUrl: 'https://collate.example',
            credentials: { valid: { value: { env: 'COLLATE_TOKEN' } } },
          },
        },
      },
      'cfg.json',
    );
    expect(() => resolveSandboxConfig(file, {})).toThrow(
      'vendors.collate.credentials.valid.value names the variable COLLATE_TOKEN, which is not set',
    );
    expect(
      resolveSandboxConfig(file, { COLLATE_TOKEN: 'Bearer abc' }).get('collate')?.credentials.roles.valid,
    ).toMatchObject({
      value: 'Bearer abc',
    });
  });
});
