/**
 * Finds the bench peers by reading scripts/bench/peers/: every folder is a vendor id, so a vendor
 * gains peers by gaining a folder, and no list here names the vendors.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PeerSubject, VendorPeers } from './peer.js';

export const PEERS_DIR = dirname(fileURLToPath(import.meta.url));

/** The files each vendor folder holds, with the export each must provide. */
const PEER_FILES = {
  subject: ['subject.ts', 'subject'],
  handGuard: ['hand-guard.ts', 'handGuard'],
  zodSchema: ['zod.ts', 'zodSchema'],
  typeboxSchema: ['typebox.ts', 'typeboxSchema'],
} as const satisfies Record<keyof VendorPeers, readonly [string, string]>;

/** The names of the vendor folders under `dir`, sorted. */
export function peerFolders(dir = PEERS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function loadFolder(folder: string): Promise<VendorPeers> {
  const loaded: Partial<Record<keyof VendorPeers, unknown>> = {};
  for (const [key, [file, exported]] of Object.entries(PEER_FILES)) {
    const module = (await import(pathToFileURL(join(folder, file)).href)) as Record<string, unknown>;
    if (module[exported] === undefined) throw new Error(`${join(folder, file)} does not export ${exported}`);
    loaded[key as keyof VendorPeers] = module[exported];
  }
  return loaded as VendorPeers;
}

export interface FoundPeers {
  /** The peers of each vendor that has a folder, by vendor id. */
  byVendor: ReadonlyMap<string, VendorPeers>;
  /** Registry vendors without a folder: the bench says so instead of measuring them. */
  missing: readonly string[];
}

/**
 * Loads the peers of every vendor in `vendorIds` that has a folder under `dir`. A folder that
 * names no vendor of the registry is an error, so a typo or a removed vendor cannot leave peers
 * that are silently never run.
 */
export async function loadPeers(vendorIds: readonly string[], dir = PEERS_DIR): Promise<FoundPeers> {
  const folders = peerFolders(dir);
  const unknown = folders.filter((folder) => !vendorIds.includes(folder));
  if (unknown.length > 0)
    throw new Error(
      `bench peer folder(s) ${unknown.join(', ')} in ${dir} name no vendor of the registry (${vendorIds.join(', ')})`,
    );
  const byVendor = new Map<string, VendorPeers>();
  for (const vendor of vendorIds)
    if (folders.includes(vendor)) byVendor.set(vendor, await loadFolder(join(dir, vendor)));
  return { byVendor, missing: vendorIds.filter((vendor) => !byVendor.has(vendor)) };
}

export type { PeerSubject, VendorPeers };
