import { listenOnLoopback, type RunningServer } from './kit/server.js';
import type { DialectContext, DialectDirectory, DialectOptions, VendorId } from './types.js';
import { dialectBVendorIds, loadDialectBVendor } from './vendors.js';

export interface DialectB {
  directory: Partial<Record<VendorId, DialectDirectory>>;
  close(): Promise<void>;
}

/**
 * Starts one loopback server per vendor (all vendors this dialect has, unless `vendors` picks some),
 * each with fresh credentials, ids and seeded records, and the given seeded bugs switched on.
 */
export async function startDialectB(options: DialectOptions = {}): Promise<DialectB> {
  const vendorIds = dialectBVendorIds();
  const wanted = options.vendors ?? vendorIds;
  const bugs = new Set(options.bugs ?? []);
  for (const bug of bugs) {
    const vendor = bug.split('.')[0] as VendorId;
    if (!vendorIds.includes(vendor)) throw new Error(`seeded bug ${bug} names no vendor`);
  }
  const context: DialectContext = { now: options.now ?? (() => Date.now()), bugs };
  const directory: Partial<Record<VendorId, DialectDirectory>> = {};
  const servers: RunningServer[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(servers.map((server) => server.close()));
  };
  try {
    for (const id of wanted) {
      const vendor = (await loadDialectBVendor(id)).createVendor(context);
      const server = await listenOnLoopback(vendor.handler);
      servers.push(server);
      directory[id] = vendor.describe(server.baseUrl);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { directory, close };
}
