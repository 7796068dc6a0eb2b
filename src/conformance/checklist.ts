import type { CatalogEntry, VendorPolicy } from '../generated/meta-types.js';
import { CHECKLIST_PATHS, type ChecklistPathId, isChecklistPathId } from '../report/paths.js';
import { scenariosFor } from '../simulator/scenarios.js';
import { getVendor, type VendorId } from '../vendors/registry.js';
import type { NotApplicableCheck, PlannedCheck, ScenarioCheck } from './types.js';

/**
 * A vendor's checklist, derived from data only: one check per catalog code (placed on the matrix
 * row its first `checklist` tag names, provoked by the scenario table), then one not-applicable
 * entry per matrix row no code covers. Nothing here knows a vendor by name, so a sixth vendor's
 * catalog and scenarios are enough to give it a checklist.
 */
export function checklistFor(vendorId: VendorId): PlannedCheck[] {
  const { catalog, policy } = getVendor(vendorId);
  const scenarios = new Map(scenariosFor(vendorId).map((scenario) => [scenario.code, scenario]));
  const checks: ScenarioCheck[] = catalog.map((entry) => {
    const scenario = scenarios.get(entry.code);
    // The catalog walk test keeps the two tables in step; a gap here is a programming error.
    if (!scenario) throw new Error(`${vendorId} has no scenario for its catalog code ${entry.code}.`);
    return {
      kind: 'scenario',
      id: `code.${entry.code}`,
      path: firstPath(entry),
      title: `${entry.code} comes back as documented: ${scenario.title}`,
      code: entry.code,
      scenario,
    };
  });
  const covered = new Set(checks.map((check) => check.path));
  const notApplicable: NotApplicableCheck[] = CHECKLIST_PATHS.filter((path) => !covered.has(path.id)).map(
    (path) => ({
      kind: 'not_applicable',
      id: `path.${path.id}`,
      path: path.id,
      title: `${path.label}: not documented`,
      reason: notApplicableReason(path.id, policy),
    }),
  );
  return [...checks, ...notApplicable];
}

function firstPath(entry: CatalogEntry): ChecklistPathId {
  const tag = entry.checklist?.[0];
  // The catalog schema restricts tags to the matrix ids; fall back rather than trust a cast.
  return tag !== undefined && isChecklistPathId(tag) ? tag : 'other';
}

/** Why a row has no check, in the vendor's own policy words where the policy records them. */
function notApplicableReason(path: ChecklistPathId, policy: VendorPolicy): string {
  if (path === 'rate_limit' && !policy.rateLimit.documented) {
    return policy.rateLimit.note ?? 'No rate limit is documented.';
  }
  if (path === 'idempotency_reuse' && !policy.idempotency.supported) {
    return policy.idempotency.note ?? 'No idempotency key is documented.';
  }
  return 'No documented error code belongs to this path in the catalog.';
}
