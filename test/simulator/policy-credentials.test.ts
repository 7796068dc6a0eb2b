import { describe, expect, it } from 'vitest';
import { policyCredential, presentedSecret } from '../../src/simulator/policy-credential.js';
import { vendorModels } from '../../src/simulator/vendors/index.js';
import { secretOf } from '../../src/vendors/authentication.js';
import { getVendor, vendorIds } from '../../src/vendors/registry.js';

describe('the simulator hands out credentials the way each policy says they travel', () => {
  it.each(vendorIds)(
    '%s: every header credential uses the policy header and starts with its prefix',
    (vendorId) => {
      const { header, prefix = '' } = getVendor(vendorId).policy.authentication;
      const roles = Object.values(vendorModels[vendorId].credentials('http://127.0.0.1:1').roles).filter(
        (credential) => credential?.kind === 'header',
      );
      for (const credential of roles) {
        expect(credential).toMatchObject({ header });
        expect(credential?.kind === 'header' && credential.value.startsWith(prefix)).toBe(true);
        expect(credential?.kind === 'header' && credential.value.length > prefix.length).toBe(true);
      }
    },
  );
});

describe('presentedSecret', () => {
  it.each(vendorIds)(
    '%s: reads back the secret a policy credential carries, and nothing from a bare request',
    (vendorId) => {
      const { header, value } = policyCredential(vendorId, 'S3NTINEL-key');
      expect(presentedSecret(vendorId, { [header.toLowerCase()]: value })).toBe('S3NTINEL-key');
      expect(presentedSecret(vendorId, {})).toBeUndefined();
    },
  );

  it.each(vendorIds)(
    '%s: reads the same secret as secretOf, whether the prefix is spelled as the policy does or not',
    (vendorId) => {
      const { authentication } = getVendor(vendorId).policy;
      const name = authentication.header.toLowerCase();
      const prefix = authentication.prefix ?? '';
      const values = [
        `${prefix}S3NTINEL-key`,
        `${prefix}   S3NTINEL-key`,
        `${prefix.toUpperCase()}S3NTINEL-key`,
        `${prefix.toLowerCase()} S3NTINEL-key`,
        prefix,
        `${prefix}  `,
        'S3NTINEL-key',
        ' S3NTINEL-key',
        '',
      ];
      for (const value of values) {
        const expected = secretOf(authentication, value);
        expect(presentedSecret(vendorId, { [name]: value })).toBe(expected === '' ? undefined : expected);
      }
    },
  );
});
