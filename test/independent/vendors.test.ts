/**
 * Guard rails for the per-vendor files of both independent implementations (the file contract in
 * README.md, "A vendor's files"): every folder holds what it must, every bug a table names is a real
 * bug of that vendor, every check a table names is a real check of that vendor's checklist, and
 * every vendor of the registry has at least one independent implementation. A typo in a data file
 * fails here, by name, instead of as a bug test that can never be satisfied.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checklistFor } from '../../src/conformance/checklist.js';
import { type VendorId, vendorIds } from '../../src/vendors/registry.js';
import { namesCheck, vendorOfBug } from './bugs.js';
import { dialectBVendorIds, loadDialectBVendors } from './dialect-b/vendors.js';
import { DIALECT_B_CONFIG_FILES, dialectBCaughtBy } from './dialect-b-config/index.js';
import { independentVendorIds, loadIndependentVendors, VENDOR_FILES, vendorFile } from './vendors.js';

const DIALECT_A = await loadIndependentVendors();
const DIALECT_B = await loadDialectBVendors();
const checkIdsOf = (vendorId: string) => checklistFor(vendorId as VendorId).map((check) => check.id);

/** The entries of a `caughtBy`-style list that name no check of the vendor. */
const unknownChecks = (vendorId: string, named: readonly string[]) => {
  const ids = checkIdsOf(vendorId);
  return named.filter((entry) => !ids.some((id) => namesCheck([entry], id)));
};

describe('every vendor of the registry', () => {
  it('has at least one independent implementation, and no implementation names another vendor', () => {
    const implemented = new Set([...independentVendorIds(), ...dialectBVendorIds()]);
    expect(vendorIds.filter((vendorId) => !implemented.has(vendorId))).toEqual([]);
    expect([...implemented].filter((id) => !(vendorIds as readonly string[]).includes(id))).toEqual([]);
  });
});

describe.each(DIALECT_A.map((vendor) => [vendor.id, vendor] as const))('dialect A %s', (vendorId, vendor) => {
  it('holds every file of the contract, each with its exports', () => {
    // Loading already refuses a missing file or export; this names what the contract is.
    for (const file of Object.keys(VENDOR_FILES))
      expect(existsSync(vendorFile(vendorId, file)), file).toBe(true);
    expect(typeof vendor.createVendor).toBe('function');
  });

  it('keys its bugs by its own id, and each names checks of its checklist', () => {
    for (const [bug, { caughtBy, needsOverride }] of Object.entries(vendor.bugs)) {
      expect(vendorOfBug(bug), bug).toBe(vendorId);
      expect(caughtBy.length, bug).toBeGreaterThan(0);
      expect(unknownChecks(vendorId, caughtBy), bug).toEqual([]);
      if (needsOverride) expect(namesCheck(caughtBy, needsOverride.check), bug).toBe(true);
    }
  });

  it('names only its own bugs in its cases, and every bug in at least one case', () => {
    const named = new Set(vendor.cases.flatMap((entry) => entry.bugs ?? []));
    expect([...named].filter((bug) => !(bug in vendor.bugs))).toEqual([]);
    expect(Object.keys(vendor.bugs).filter((bug) => !named.has(bug))).toEqual([]);
  });

  it('skips only checks of its checklist, and probes with an operation it maps', () => {
    expect(unknownChecks(vendorId, Object.keys(vendor.sandbox.skips ?? {}))).toEqual([]);
    expect(Object.keys(vendor.sandbox.operations)).toContain(vendor.sandbox.probe.operation);
  });
});

describe.each(DIALECT_B.map((vendor) => [vendor.id, vendor] as const))('dialect B %s', (vendorId, vendor) => {
  it('has its reference and its user’s config folder', () => {
    expect(existsSync(new URL(`./dialect-b/${vendorId}/README.md`, import.meta.url))).toBe(true);
    for (const file of DIALECT_B_CONFIG_FILES)
      expect(existsSync(new URL(`./dialect-b-config/${vendorId}/${file}`, import.meta.url)), file).toBe(true);
  });

  it('has a catch table naming only its own bugs, each with checks of its checklist', async () => {
    const caughtBy = await dialectBCaughtBy(vendorId);
    const bugIds = vendor.bugs.map((bug) => bug.id);
    expect(Object.keys(caughtBy).filter((bug) => !bugIds.includes(bug))).toEqual([]);
    for (const [bug, { checks, uncaught }] of Object.entries(caughtBy)) {
      expect(checks.length, bug).toBeGreaterThan(0);
      expect(unknownChecks(vendorId, checks), bug).toEqual([]);
      if (uncaught !== undefined) expect(uncaught.trim(), bug).not.toBe('');
    }
  });
});

describe('the dialect B config folder', () => {
  it('has a folder only for vendors dialect B implements', () => {
    const folder = fileURLToPath(new URL('./dialect-b-config/', import.meta.url));
    const configured = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(configured.filter((id) => !dialectBVendorIds().includes(id))).toEqual([]);
  });
});
