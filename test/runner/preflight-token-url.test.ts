import { describe, expect, it } from 'vitest';
import { credentialVariable } from '../../src/runner/config/env-names.js';
import { parseRunConfig, resolveSandboxConfig } from '../../src/runner/config/sandbox-config.js';
import { preflight } from '../../src/runner/preflight.js';
import type { HttpSend } from '../../src/scenarios/runner.js';

/** A secret pasted into the token URL variable by mistake is never shown, only that it does not parse. */
describe('the preflight of an OAuth vendor', () => {
  it('does not print a token URL that does not parse', async () => {
    const pasted = 'SENTINEL-client-secret-pasted-4b7e';
    const env = {
      [credentialVariable('claimrev', 'valid', 'clientId')]: 'client',
      [credentialVariable('claimrev', 'valid', 'clientSecret')]: 'secret-value',
      [credentialVariable('claimrev', 'valid', 'scope')]: 'claims',
      [credentialVariable('claimrev', 'valid', 'tokenUrl')]: pasted,
    };
    const vendor = resolveSandboxConfig(
      parseRunConfig({ vendors: { claimrev: { baseUrl: 'http://127.0.0.1:9/claimrev' } } }, 'test.json'),
      env,
    ).get('claimrev');
    if (!vendor) throw new Error('claimrev did not resolve');
    const failing: HttpSend = async () => {
      throw new Error('Invalid URL');
    };
    const error = await preflight(vendor, failing).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('does not parse');
    expect((error as Error).message).not.toContain('SENTINEL');
  });
});
