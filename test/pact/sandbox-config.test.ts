import { describe, expect, it } from 'vitest';
import { SandboxConfigError, sandboxTargets, sandboxVariables } from '../../scripts/pact/sandbox-config.js';
import { type VendorId, vendorIds } from '../../src/vendors/registry.js';

const SENTINEL = 'sentinel-sandbox-secret-93ad';
// Any one vendor will do. The registry is never empty.
const vendorId = vendorIds[0] as VendorId;
const names = sandboxVariables(vendorId);
const URL = 'http://127.0.0.1:9/v1';

describe('sandbox settings from the environment', () => {
  it('configures nothing when no sandbox URL is set', () => {
    expect(sandboxTargets(vendorIds, {})).toEqual([]);
  });

  it('names each vendor’s variables after its id', () => {
    expect(names.url).toBe(`PACT_SANDBOX_${vendorId.toUpperCase()}_URL`);
    expect(names.credentials).toBe(`PACT_SANDBOX_${vendorId.toUpperCase()}_CREDENTIALS`);
  });

  it('reads a vendor’s URL and role credentials', () => {
    const roles = { revoked: { kind: 'header', header: 'X-API-Key', value: SENTINEL } };
    const targets = sandboxTargets(vendorIds, {
      [names.url]: URL,
      [names.credentials]: JSON.stringify(roles),
    });
    expect(targets.map((target) => [target.vendorId, target.baseUrl, target.credentials.roles])).toEqual([
      [vendorId, URL, roles],
    ]);
  });

  it('names the variable to fix, without its value, when the credentials are not JSON', () => {
    const read = () => sandboxTargets(vendorIds, { [names.url]: URL, [names.credentials]: `{${SENTINEL}` });
    expect(read).toThrow(SandboxConfigError);
    expect(read).toThrow(`${names.credentials} is not JSON`);
    expect(read).not.toThrow(SENTINEL);
  });

  it('names the missing credentials variable when only the URL is set', () => {
    expect(() => sandboxTargets(vendorIds, { [names.url]: URL })).toThrow(
      `is set but ${names.credentials} is not`,
    );
  });
});
