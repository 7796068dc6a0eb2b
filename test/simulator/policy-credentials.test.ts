import { describe, expect, it } from 'vitest';
import { vendorModels } from '../../src/simulator/vendors/index.js';
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
