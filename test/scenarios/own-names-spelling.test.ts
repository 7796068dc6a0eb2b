import { describe, expect, it } from 'vitest';
import { vendorIds } from '../../src/index.js';
import { scenarioDataFor } from '../../src/scenarios/index.js';
import { CREDENTIAL_ROLES } from '../../src/scenarios/types.js';

/**
 * Role and fact names are the project's own words, written by users into their config, so they
 * spell "organisation" one way. Vendor codes such as `organization_mismatch` are facts from the
 * docs and are not names of ours, so only roles, facts and operations are looked at.
 */
const OTHER_SPELLING = /organization/i;

describe('our own role and fact names spell organisation one way', () => {
  it('no credential role uses the other spelling', () => {
    expect(CREDENTIAL_ROLES.filter((role) => OTHER_SPELLING.test(role))).toEqual([]);
  });

  it.each(vendorIds)('%s: no fact or operation name uses the other spelling', (vendorId) => {
    const { facts, operations } = scenarioDataFor(vendorId);
    const names = [...Object.keys(facts), ...Object.keys(operations)];
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => OTHER_SPELLING.test(name))).toEqual([]);
  });
});
