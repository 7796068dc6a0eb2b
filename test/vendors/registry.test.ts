import { describe, expect, it } from 'vitest';
import { loadVendors, vendorFolders } from '../../scripts/codegen/load-vendors.js';
import {
  ErrorContractsError,
  findCatalogEntry,
  getVendor,
  UnknownVendorError,
  vendorIds,
} from '../../src/index.js';
import { schemasDir } from '../helpers/paths.js';

describe('vendor registry', () => {
  it('lists the vendors in the order their vendor.json files give', () => {
    const byOrder = loadVendors(schemasDir)
      .map((v) => ({ id: v.id, order: v.order }))
      .sort((a, b) => a.order - b.order);
    expect(vendorIds).toEqual(byOrder.map((v) => v.id));
  });

  it('lists exactly the vendor folders under schemas/', () => {
    expect([...vendorIds].sort()).toEqual(vendorFolders(schemasDir));
  });

  it.each(vendorIds)('getVendor(%s) returns the data from its schemas folder', (id) => {
    const source = loadVendors(schemasDir).find((v) => v.id === id);
    const vendor = getVendor(id);
    expect(vendor.id).toBe(id);
    expect(vendor.name).toBe(source?.name);
    expect(vendor.schema).toEqual(source?.schemas.envelope);
    expect(vendor.catalog).toEqual(source?.catalog);
    expect(vendor.policy).toEqual(source?.policy);
    for (const entry of vendor.catalog) {
      expect(typeof entry.code).toBe('string');
      expect(Number.isInteger(entry.status)).toBe(true);
    }
  });

  it('throws a typed error listing the valid ids for an unknown vendor', () => {
    const attempt = () => getVendor('acme' as never);
    expect(attempt).toThrow(UnknownVendorError);
    expect(attempt).toThrow(ErrorContractsError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'ERR_UNKNOWN_VENDOR',
        name: 'UnknownVendorError',
        vendorId: 'acme',
      });
      for (const id of vendorIds) expect((error as Error).message).toContain(id);
    }
  });

  it('does not treat inherited object keys as vendor ids', () => {
    expect(() => getVendor('constructor' as never)).toThrow(UnknownVendorError);
    expect(() => getVendor('__proto__' as never)).toThrow(UnknownVendorError);
  });

  it('finds catalog entries by code and returns undefined for unknown codes', () => {
    expect(findCatalogEntry('denialbase', 'two_factor_required')).toMatchObject({ status: 402 });
    expect(findCatalogEntry('denialbase', 'no_such_code')).toBeUndefined();
  });
});
