import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SeededBug } from './kit/bugs.js';
import type { ExamplePlay } from './kit/examples.js';
import type { DialectContext, DialectVendor, VendorId } from './types.js';

/**
 * Finds this dialect's vendors by reading its folder: a vendor is a sub-folder named by its id with
 * an `index.ts` exporting `createVendor` and a `bugs.ts` exporting `bugs` (its seeded bugs).
 * `kit/` holds no `index.ts`, so it is not a vendor.
 */
export interface DialectBVendorModule {
  id: VendorId;
  createVendor(context: DialectContext): DialectVendor;
  bugs: readonly SeededBug[];
}

const FOLDER = new URL('./', import.meta.url);
const fileOf = (id: string, file: string) => fileURLToPath(new URL(`${id}/${file}`, FOLDER));

/** The ids of this dialect's vendors, sorted; synchronous so a test can list them at collection. */
export function dialectBVendorIds(): VendorId[] {
  return readdirSync(FOLDER, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(fileOf(entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

/** Loads one vendor's factory and seeded bugs. */
export async function loadDialectBVendor(id: VendorId): Promise<DialectBVendorModule> {
  if (!dialectBVendorIds().includes(id)) throw new Error(`dialect B has no ${id} vendor`);
  const { createVendor } = (await import(fileOf(id, 'index.ts'))) as Partial<DialectBVendorModule>;
  const { bugs } = (await import(fileOf(id, 'bugs.ts'))) as Partial<DialectBVendorModule>;
  if (createVendor === undefined) throw new Error(`dialect B ${id}: index.ts does not export createVendor`);
  if (bugs === undefined) throw new Error(`dialect B ${id}: bugs.ts does not export bugs`);
  return { id, createVendor, bugs };
}

/** Every vendor of this dialect, loaded, in id order. */
export async function loadDialectBVendors(): Promise<DialectBVendorModule[]> {
  return Promise.all(dialectBVendorIds().map(loadDialectBVendor));
}

/** How the start test plays the vendor's example bodies, when its folder says (`examples.ts`). */
export async function loadDialectBExamples(id: VendorId): Promise<ExamplePlay | undefined> {
  const path = fileOf(id, 'examples.ts');
  if (!existsSync(path)) return undefined;
  return ((await import(path)) as { examples?: ExamplePlay }).examples;
}
