import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DialectDirectory } from '../dialect-b/types.js';
import type { DialectBCatch, DialectBVendorConfig } from './write.js';

/**
 * The configs users of dialect B write, one folder per vendor (`<v>/config.ts` and the catch table
 * `<v>/caught-by.ts`), kept apart from the dialect's code: they are written from its READMEs
 * alone. Found by the vendor's id, never listed here.
 */

export type { DialectBCatch, DialectBVendorConfig } from './write.js';

const fileOf = (vendorId: string, file: string) =>
  fileURLToPath(new URL(`${vendorId}/${file}`, import.meta.url));

/** The files each vendor folder here holds. */
export const DIALECT_B_CONFIG_FILES = ['config.ts', 'caught-by.ts'] as const;

async function load<T>(
  vendorId: string,
  file: (typeof DIALECT_B_CONFIG_FILES)[number],
  name: string,
): Promise<T> {
  const path = fileOf(vendorId, file);
  if (!existsSync(path))
    throw new Error(`dialect B ${vendorId}: dialect-b-config/${vendorId}/${file} is missing`);
  const exported = ((await import(path)) as Record<string, unknown>)[name];
  if (exported === undefined)
    throw new Error(`dialect B ${vendorId}: dialect-b-config/${vendorId}/${file} does not export ${name}`);
  return exported as T;
}

/** One vendor's config, after the by-hand steps its reference asks for. */
export async function dialectBConfigFor(
  vendorId: string,
  directory: DialectDirectory,
): Promise<DialectBVendorConfig> {
  const writeConfig = await load<(d: DialectDirectory) => Promise<DialectBVendorConfig>>(
    vendorId,
    'config.ts',
    'writeConfig',
  );
  return writeConfig(directory);
}

/** Which check catches each of the vendor's seeded bugs, by bug id. */
export function dialectBCaughtBy(vendorId: string): Promise<Record<string, DialectBCatch>> {
  return load(vendorId, 'caught-by.ts', 'caughtBy');
}
