import { describe, expect, it } from 'vitest';
import { SandboxConfigError, sandboxTargets } from '../../scripts/pact/sandbox-config.js';

const SENTINEL = 'sentinel-sandbox-secret-93ad';

describe('sandbox settings from the environment', () => {
  it('configures nothing when no sandbox URL is set', () => {
    expect(sandboxTargets(['foresight'], {})).toEqual([]);
  });

  it('reads a vendor’s URL and role credentials', () => {
    const roles = { revoked: { kind: 'header', header: 'X-API-Key', value: SENTINEL } };
    const [target] = sandboxTargets(['foresight'], {
      PACT_SANDBOX_FORESIGHT_URL: 'http://127.0.0.1:9/v1',
      PACT_SANDBOX_FORESIGHT_CREDENTIALS: JSON.stringify(roles),
    });
    expect(target?.baseUrl).toBe('http://127.0.0.1:9/v1');
    expect(target?.credentials.roles).toEqual(roles);
  });

  it('names the variable to fix, without its value, when the credentials are not JSON', () => {
    const read = () =>
      sandboxTargets(['foresight'], {
        PACT_SANDBOX_FORESIGHT_URL: 'http://127.0.0.1:9/v1',
        PACT_SANDBOX_FORESIGHT_CREDENTIALS: `{${SENTINEL}`,
      });
    expect(read).toThrow(SandboxConfigError);
    expect(read).toThrow(/PACT_SANDBOX_FORESIGHT_CREDENTIALS is not JSON/);
    expect(read).not.toThrow(new RegExp(SENTINEL));
  });

  it('names the missing credentials variable when only the URL is set', () => {
    expect(() => sandboxTargets(['foresight'], { PACT_SANDBOX_FORESIGHT_URL: 'http://127.0.0.1:9' })).toThrow(
      /PACT_SANDBOX_FORESIGHT_CREDENTIALS is not/,
    );
  });
});
