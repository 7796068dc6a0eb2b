import type { VendorId } from '../../src/vendors/registry.js';
import type { BugId } from './bugs.js';
import { type RunningServer, serve } from './kit/http.js';
import type { VendorContext, VendorDirectory } from './types.js';
import { independentVendorIds, loadIndependentVendor } from './vendors.js';

export type { BugId, SeededBug } from './bugs.js';
export type { IndependentCredential, MagicValue, Role, VendorDirectory } from './types.js';

export interface IndependentOptions {
  /** Which vendors to start; every folder in `vendors/` when absent. */
  vendors?: readonly VendorId[];
  /** Seeded one-rule bugs to switch on. */
  bugs?: readonly BugId[];
  /** The clock token lifetimes and rate limits read; the wall clock when absent. */
  now?: () => number;
  /** How fast a rate-limited credential gets a request back, in milliseconds (default 1000). */
  rateLimitRefillMs?: number;
}

export interface IndependentVendors {
  /** Per started vendor: base URL, operations, facts, credentials by role, magic values, limits. */
  directory: Partial<Record<VendorId, VendorDirectory>>;
  /** Stops every server; nothing is left listening or waiting. */
  close(): Promise<void>;
}

/**
 * Starts the independent implementation: one loopback server per vendor, each written from the
 * vendor's error page alone, with its own routes, ids and credentials. Its directory is what a
 * sandbox config is written from.
 */
export async function startIndependentVendors(options: IndependentOptions = {}): Promise<IndependentVendors> {
  const context: VendorContext = {
    now: options.now ?? Date.now,
    bugs: new Set(options.bugs ?? []),
    rateLimitRefillMs: options.rateLimitRefillMs ?? 1_000,
  };
  const vendorIds = options.vendors ?? (independentVendorIds() as VendorId[]);
  const servers: RunningServer[] = [];
  const directory: Partial<Record<VendorId, VendorDirectory>> = {};
  try {
    for (const vendorId of vendorIds) {
      const vendor = (await loadIndependentVendor(vendorId)).createVendor(context);
      const server = await serve(vendor.handler);
      servers.push(server);
      directory[vendorId] = vendor.describe(server.baseUrl);
    }
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }
  return { directory, close: async () => void (await Promise.all(servers.map((server) => server.close()))) };
}
