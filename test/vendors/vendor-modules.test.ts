import { describe, expect, it } from 'vitest';
import { loadVendors } from '../../scripts/codegen/load-vendors.js';
import { missingVendorModules, VENDOR_MODULE_KINDS } from '../../scripts/codegen/vendor-modules.js';
import { vendorScenarios } from '../../src/scenarios/vendors/index.js';
import { vendorModels } from '../../src/simulator/vendors/index.js';
import { vendorIds } from '../../src/vendors/registry.js';
import { repoRoot, schemasDir } from '../helpers/paths.js';

describe('vendor modules found by the generator', () => {
  const vendors = loadVendors(schemasDir);

  it('finds a simulator model and scenario data for every registry vendor', () => {
    expect(missingVendorModules(repoRoot, vendors)).toEqual([]);
    expect(Object.keys(vendorModels)).toEqual([...vendorIds]);
    expect(Object.keys(vendorScenarios)).toEqual([...vendorIds]);
  });

  it('names each file a vendor without its modules still needs', () => {
    const [first] = vendors;
    if (!first) throw new Error('schemas/ holds no vendor');
    const stranger = { ...first, id: 'acme' };
    const messages = missingVendorModules(repoRoot, [stranger]);
    expect(messages).toHaveLength(VENDOR_MODULE_KINDS.length);
    expect(messages[0]).toMatch(/^src\/simulator\/vendors\/acme\/index\.ts: missing; .*`model`/);
    expect(messages[1]).toMatch(/^src\/scenarios\/vendors\/acme\.ts: missing; .*`scenarios`/);
  });
});
