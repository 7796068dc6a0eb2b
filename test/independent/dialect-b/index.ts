import { createCaseXchange } from './casexchange/index.js';
import { createClaimRev } from './claimrev/index.js';
import { createCollate } from './collate/index.js';
import { createDenialbase } from './denialbase/index.js';
import { createForesight } from './foresight/index.js';
import { listenOnLoopback, type RunningServer } from './kit/server.js';
import type { DialectContext, DialectDirectory, DialectOptions, DialectVendor, VendorId } from './types.js';

type VendorFactory = (context: DialectContext) => DialectVendor;

const FACTORIES: Partial<Record<VendorId, VendorFactory>> = {
  claimrev: createClaimRev,
  collate: createCollate,
  casexchange: createCaseXchange,
  foresight: createForesight,
  denialbase: createDenialbase,
};

const VENDOR_IDS: readonly VendorId[] = ['claimrev', 'collate', 'casexchange', 'foresight', 'denialbase'];

export interface DialectB {
  directory: Partial<Record<VendorId, DialectDirectory>>;
  close(): Promise<void>;
}

/**
 * Starts one loopback server per vendor (all vendors this dialect has, unless `vendors` picks some),
 * each with fresh credentials, ids and seeded records, and the given seeded bugs switched on.
 */
export async function startDialectB(options: DialectOptions = {}): Promise<DialectB> {
  const wanted = options.vendors ?? VENDOR_IDS.filter((id) => FACTORIES[id] !== undefined);
  const bugs = new Set(options.bugs ?? []);
  for (const bug of bugs) {
    const vendor = bug.split('.')[0] as VendorId;
    if (!VENDOR_IDS.includes(vendor)) throw new Error(`seeded bug ${bug} names no vendor`);
  }
  const context: DialectContext = { now: options.now ?? (() => Date.now()), bugs };
  const directory: Partial<Record<VendorId, DialectDirectory>> = {};
  const servers: RunningServer[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(servers.map((server) => server.close()));
  };
  try {
    for (const id of wanted) {
      const factory = FACTORIES[id];
      if (factory === undefined) throw new Error(`dialect B has no ${id} vendor`);
      const vendor = factory(context);
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
