/**
 * The embedded simulator as a target, two ways: `local` serves it on 127.0.0.1 (real sockets, real
 * headers) and `nock` mounts it in this process. Both hand the simulator's URL and test
 * credentials to the same HTTP target a sandbox run uses.
 */
import { Agent } from 'node:http';
import type { ConformanceTarget } from '../../conformance/types.js';
import { ErrorContractsError } from '../../errors.js';
import type { StartSimulatorOptions } from '../../simulator/transports/http.js';
import { startSimulator } from '../../simulator/transports/http.js';
import type { MountedSimulator } from '../../simulator/transports/nock.js';
import { VirtualClock } from '../../time/clock.js';
import type { VendorId } from '../../vendors/registry.js';
import type { ResolvedVendorConfig } from '../config/sandbox-config.js';
import { createHttpTarget } from './http-target.js';
import { advancingClock, simulatorSide, VIRTUAL_TIME_LIMITS } from './simulator-side.js';

export interface OpenTarget {
  target: ConformanceTarget;
  /** Where each vendor's requests go, for the report. */
  baseUrls: ReadonlyMap<VendorId, string>;
  close(): Promise<void>;
}

/** Options passed through to the simulator (a drift variant, say); its clock is always virtual. */
export type SimulatorTargetOptions = Omit<StartSimulatorOptions, 'clock' | 'vendors' | 'port'>;

function simulatorConfig(
  vendorId: VendorId,
  baseUrl: string,
  credentials: ResolvedVendorConfig['credentials'],
): ResolvedVendorConfig {
  return { vendorId, baseUrl, declaredSandbox: true, credentials, checks: {} };
}

export async function openLocalTarget(
  vendors: readonly VendorId[],
  options: SimulatorTargetOptions = {},
): Promise<OpenTarget> {
  const clock = new VirtualClock();
  const sim = await startSimulator({ ...options, vendors, clock });
  const configs = new Map(vendors.map((id) => [id, simulatorConfig(id, sim.url(id), sim.credentials(id))]));
  // Connections are kept alive between requests: the simulator is ours, so its keep-alive timeout
  // (seconds, against milliseconds between requests) is known and no idle connection goes stale
  // under a request. A connection a check destroyed (an abandoned upload, an answer cut short) is
  // never returned to the agent, so it is never reused.
  const agent = new Agent({ keepAlive: true });
  return {
    target: createHttpTarget({
      vendors: configs,
      clock: advancingClock(clock),
      simulator: simulatorSide(() => sim, clock),
      limits: VIRTUAL_TIME_LIMITS,
      agent,
    }),
    baseUrls: new Map(vendors.map((id) => [id, sim.url(id)])),
    close: () => {
      agent.destroy();
      return sim.close();
    },
  };
}

/** Hosts under .invalid never resolve (RFC 2606), so a request nock does not catch fails at once. */
export const nockBaseUrl = (vendorId: VendorId) => `http://${vendorId}.simulator.invalid`;

export async function openNockTarget(
  vendors: readonly VendorId[],
  options: SimulatorTargetOptions = {},
): Promise<OpenTarget> {
  // nock is an optional peer dependency; mountSimulator loads it, so only this target needs it.
  const { mountSimulator } = await import('../../simulator/transports/nock.js');
  const clock = new VirtualClock();
  const mounts = new Map<VendorId, MountedSimulator>();
  try {
    for (const id of vendors)
      mounts.set(id, await mountSimulator(id, nockBaseUrl(id), { ...options, clock }));
  } catch (error) {
    // Interceptors left behind would catch the next suite's requests.
    for (const mount of mounts.values()) mount.unmount();
    throw error;
  }
  const mounted = (id: VendorId): MountedSimulator => {
    const found = mounts.get(id);
    if (!found) throw new ErrorContractsError('ERR_INTERNAL', `${id} is not mounted.`);
    return found;
  };
  const configs = new Map(
    vendors.map((id) => [id, simulatorConfig(id, nockBaseUrl(id), mounted(id).credentials())]),
  );
  return {
    target: createHttpTarget({
      vendors: configs,
      clock: advancingClock(clock),
      simulator: simulatorSide(mounted, clock),
      inProcess: true,
      limits: VIRTUAL_TIME_LIMITS,
    }),
    baseUrls: new Map(vendors.map((id) => [id, nockBaseUrl(id)])),
    close: async () => {
      for (const mount of mounts.values()) mount.unmount();
    },
  };
}
