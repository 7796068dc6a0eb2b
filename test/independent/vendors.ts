import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { VendorBugs } from './bugs.js';
import type { DocumentedCase, RateLimitCase, RequestIdOn } from './cases.js';
import type { SandboxMapping } from './config.js';
import type { IndependentVendor, VendorContext } from './types.js';

/**
 * Finds the vendors of this implementation by reading `vendors/`: each sub-folder is one vendor,
 * named by its id, holding the files of the contract in README.md ("A vendor's files"). Nothing
 * lists the vendors by hand, so a vendor is added by adding its folder.
 */

/** The files every vendor folder holds, and what each must export. */
export const VENDOR_FILES = {
  'index.ts': ['createVendor'],
  'bugs.ts': ['bugs'],
  'cases.ts': ['cases', 'requestIdOn'],
  'config.ts': ['sandbox'],
} as const;

/** Exports a vendor's files may add. */
const OPTIONAL_EXPORTS: Partial<Record<keyof typeof VENDOR_FILES, readonly string[]>> = {
  'cases.ts': ['rateLimit'],
};

/** One vendor's folder, loaded. */
export interface IndependentVendorModule {
  id: string;
  createVendor(context: VendorContext): IndependentVendor;
  bugs: VendorBugs;
  cases: readonly DocumentedCase[];
  requestIdOn: RequestIdOn;
  sandbox: SandboxMapping;
  /** A vendor with a rate limit says how its quota is played. */
  rateLimit?: RateLimitCase;
}

const VENDORS_FOLDER = new URL('./vendors/', import.meta.url);

/** The path of one of a vendor's files. */
export const vendorFile = (id: string, file: string): string =>
  fileURLToPath(new URL(`${id}/${file}`, VENDORS_FOLDER));

/** The ids of the vendor folders, sorted; read synchronously so a test can list them at collection. */
export function independentVendorIds(): string[] {
  return readdirSync(VENDORS_FOLDER, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const loaded = new Map<string, IndependentVendorModule>();

/** Loads one vendor's files; a missing file or export is an error naming the vendor and the file. */
export async function loadIndependentVendor(id: string): Promise<IndependentVendorModule> {
  const cached = loaded.get(id);
  if (cached) return cached;
  const exports: Record<string, unknown> = {};
  for (const [file, names] of Object.entries(VENDOR_FILES)) {
    const path = vendorFile(id, file);
    if (!existsSync(path)) throw new Error(`independent vendor ${id}: vendors/${id}/${file} is missing`);
    const module = (await import(path)) as Record<string, unknown>;
    for (const name of names) {
      if (module[name] === undefined)
        throw new Error(`independent vendor ${id}: vendors/${id}/${file} does not export ${name}`);
      exports[name] = module[name];
    }
    for (const name of OPTIONAL_EXPORTS[file as keyof typeof VENDOR_FILES] ?? [])
      if (module[name] !== undefined) exports[name] = module[name];
  }
  const vendor = { id, ...exports } as IndependentVendorModule;
  loaded.set(id, vendor);
  return vendor;
}

/** Every vendor folder, loaded, in id order. */
export async function loadIndependentVendors(): Promise<IndependentVendorModule[]> {
  return Promise.all(independentVendorIds().map(loadIndependentVendor));
}

/**
 * A vendor already loaded (by `startIndependentVendors` or `loadIndependentVendors`), for the
 * synchronous config writers: their directories exist only once their vendor has started.
 */
export function loadedIndependentVendor(id: string): IndependentVendorModule {
  const vendor = loaded.get(id);
  if (!vendor)
    throw new Error(
      `independent vendor ${id} is not loaded: start it, or await loadIndependentVendors(), first`,
    );
  return vendor;
}
