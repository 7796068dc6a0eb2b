import type { VendorId } from '../../src/index.js';
import { behaviourFor, scenarioDataFor } from '../../src/scenarios/index.js';

/** The method of a vendor's reference create: its own, or its operation's (the rules judge writes by it). */
export function writeMethodOf(vendorId: VendorId): string {
  const { request } = behaviourFor(vendorId).create;
  return request.method ?? scenarioDataFor(vendorId).operations[request.operation]?.method ?? 'POST';
}
