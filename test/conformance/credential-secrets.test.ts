import { describe, expect, it } from 'vitest';
import { credentialSecrets } from '../../src/conformance/credential-secrets.js';
import { learnIssuedSecret } from '../../src/redaction/issued.js';
import type { VendorCredentials } from '../../src/scenarios/types.js';

function credentialsOf(apiKey: string): VendorCredentials {
  return {
    vendorId: 'foresight',
    roles: { valid: { kind: 'header', header: 'X-Api-Key', value: apiKey } },
    facts: { signInPassword: 'pw-SENTINEL-0001', accountId: 'acct-1' },
  } as unknown as VendorCredentials;
}

describe('the secrets a vendor credentials hold, worked out once per credentials', () => {
  it('are asked again with the tokens issued since, as many times as asked', () => {
    const credentials = credentialsOf('key-SENTINEL-aaaa');
    const before = credentialSecrets(credentials);
    expect(before).toEqual(['key-SENTINEL-aaaa', 'pw-SENTINEL-0001']);
    expect(credentialSecrets(credentials)).toEqual(before);
    learnIssuedSecret('foresight', 'tok-SENTINEL-issued-1234');
    expect(credentialSecrets(credentials)).toEqual([
      'tok-SENTINEL-issued-1234',
      'key-SENTINEL-aaaa',
      'pw-SENTINEL-0001',
    ]);
  });

  it('gives a shallow copy of the credentials, as a target makes after a reset, the same secrets', () => {
    const credentials = credentialsOf('key-SENTINEL-eeee');
    const secrets = credentialSecrets(credentials);
    expect(credentialSecrets({ ...credentials })).toEqual(secrets);
    const otherRoles = {
      ...credentials,
      roles: { valid: { kind: 'header', header: 'X-Api-Key', value: 'key-SENTINEL-ffff' } },
    };
    expect(credentialSecrets(otherRoles as VendorCredentials)).toContain('key-SENTINEL-ffff');
    expect(credentialSecrets(otherRoles as VendorCredentials)).not.toContain('key-SENTINEL-eeee');
  });

  it('reads a replaced role credential or replaced facts afresh', () => {
    const credentials = credentialsOf('key-SENTINEL-bbbb');
    expect(credentialSecrets(credentials)).toContain('key-SENTINEL-bbbb');
    credentials.roles.valid = { kind: 'header', header: 'X-Api-Key', value: 'key-SENTINEL-cccc' };
    expect(credentialSecrets(credentials)).toContain('key-SENTINEL-cccc');
    expect(credentialSecrets(credentials)).not.toContain('key-SENTINEL-bbbb');
    credentials.facts = { ...credentials.facts, otherToken: 'other-SENTINEL-dddd' };
    expect(credentialSecrets(credentials)).toContain('other-SENTINEL-dddd');
  });

  it('reads a role credential or a fact changed in place afresh', () => {
    const credentials = credentialsOf('key-SENTINEL-gggg');
    expect(credentialSecrets(credentials)).toContain('key-SENTINEL-gggg');
    const valid = credentials.roles.valid as { value: string };
    valid.value = 'key-SENTINEL-rotated';
    expect(credentialSecrets(credentials)).toContain('key-SENTINEL-rotated');
    expect(credentialSecrets(credentials)).not.toContain('key-SENTINEL-gggg');
    (credentials.facts as Record<string, string>).signInPassword = 'pw-SENTINEL-rotated';
    expect(credentialSecrets(credentials)).toContain('pw-SENTINEL-rotated');
    expect(credentialSecrets(credentials)).not.toContain('pw-SENTINEL-0001');
  });
});
