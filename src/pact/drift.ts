import { exchangesToken } from '../vendors/authentication.js';
import { getVendor, type VendorId } from '../vendors/registry.js';
import type { InteractionSpec } from './interactions.js';
import type { Drift } from './states.js';

/**
 * One deliberate drift for a vendor: an interaction whose request alone reaches the provider
 * (no setup, held write, armed fault or token fetch that could take the fault first), answered
 * instead with another catalog code of the same surface. A code with the *same* status is
 * preferred, since only the exact-code matcher can catch that one; another status is the
 * fallback. Undefined when the vendor has no such interaction.
 */
export function driftFor(vendorId: VendorId, interactions: readonly InteractionSpec[]): Drift | undefined {
  return driftWith(vendorId, interactions, true) ?? driftWith(vendorId, interactions, false);
}

function driftWith(
  vendorId: VendorId,
  interactions: readonly InteractionSpec[],
  sameStatus: boolean,
): Drift | undefined {
  const { catalog, policy } = getVendor(vendorId);
  for (const spec of interactions) {
    const { scenario, request } = spec;
    if (spec.code === undefined || scenario.how !== 'natural') continue;
    if (scenario.setup?.length || scenario.background) continue;
    // A role whose token the filter fetches first would send another request ahead of this one.
    if (request.credential && exchangesToken(policy.authentication)) continue;
    const entry = catalog.find((candidate) => candidate.code === spec.code);
    const wrong = catalog.find(
      (candidate) =>
        candidate.surface === entry?.surface &&
        candidate.code !== entry?.code &&
        (candidate.status === entry?.status) === sameStatus,
    );
    if (!entry || !wrong) continue;
    return {
      interactionId: spec.id,
      fault: { route: request.path, method: request.method, code: wrong.code, count: 1 },
    };
  }
  return undefined;
}
