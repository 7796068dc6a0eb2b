import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type VendorId, vendorIds } from '../../src/index.js';
import { repoRoot } from './paths.js';

/**
 * Test oracles that cannot be derived from schemas/ (numbers written by hand from a vendor's doc,
 * clients that follow it to the letter) live in test/vendors/<vendor>/, one file per kind, and are
 * found here by path: no test lists the vendors that have one.
 */
export const ORACLES_DIR = join(repoRoot, 'test', 'vendors');

/** The kinds of oracle a vendor folder may hold; a file of another name would be silently ignored. */
export const ORACLE_FILES = ['documented-retry.ts', 'doc-literal-clients.ts'] as const;

/** The folders under test/vendors/, each meant to be named by a registry vendor id. */
export function oracleFolders(): string[] {
  return readdirSync(ORACLES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Imports `<vendor>/<file>` for every registry vendor that has it and returns its `exportName`
 * export, by vendor id in registry order. A file without that export is an error naming the file.
 */
export async function loadOracles<T>(
  file: (typeof ORACLE_FILES)[number],
  exportName: string,
): Promise<ReadonlyMap<VendorId, T>> {
  const found = new Map<VendorId, T>();
  for (const vendorId of vendorIds) {
    const path = join(ORACLES_DIR, vendorId, file);
    if (!existsSync(path)) continue;
    const module = (await import(path)) as Record<string, unknown>;
    if (!(exportName in module)) throw new Error(`${path} must export \`${exportName}\``);
    found.set(vendorId, module[exportName] as T);
  }
  return found;
}

/** The oracle of one vendor, or an error naming the file it should be in. */
export function oracleOf<T>(oracles: ReadonlyMap<VendorId, T>, vendorId: VendorId, file: string): T {
  const oracle = oracles.get(vendorId);
  if (oracle === undefined) throw new Error(`test/vendors/${vendorId}/${file} is missing`);
  return oracle;
}
