import type { CatalogEntry, VendorPolicy } from '../generated/meta-types.js';
import {
  CHECKLIST_PATHS,
  type ChecklistPath,
  type ChecklistPathId,
  isChecklistPathId,
} from '../report/paths.js';
import { scenariosFor, statusScenariosFor } from '../simulator/scenarios.js';
import type { Scenario } from '../simulator/types.js';
import { getVendor, type VendorId } from '../vendors/registry.js';
import type { NotRunPlannedCheck, PlannedCheck, ScenarioCheck } from './types.js';

/**
 * A vendor's checklist, derived from data only: one check per catalog code (on the matrix row its
 * first `checklist` tag names, provoked by the scenario table); a further check for a row that a
 * code names only as a later tag, so that row is exercised rather than reported as undocumented;
 * then one entry, with its reason, for each row no code names. Nothing here knows a vendor by
 * name, so a sixth vendor's catalog and scenarios are enough to give it a checklist.
 */
export function checklistFor(vendorId: VendorId): PlannedCheck[] {
  const { catalog, policy } = getVendor(vendorId);
  const scenarios = new Map(scenariosFor(vendorId).map((scenario) => [scenario.code, scenario]));
  const scenarioOf = (entry: CatalogEntry): Scenario => {
    const scenario = scenarios.get(entry.code);
    // The catalog walk test keeps the two tables in step; a gap here is a programming error.
    if (!scenario) throw new Error(`${vendorId} has no scenario for its catalog code ${entry.code}.`);
    return scenario;
  };
  const checks: ScenarioCheck[] = catalog.map((entry) => {
    const scenario = scenarioOf(entry);
    return {
      kind: 'scenario',
      id: `code.${entry.code}`,
      path: pathsOf(entry)[0] ?? 'other',
      title: `${entry.code} comes back as documented: ${scenario.title}`,
      code: entry.code,
      scenario,
    };
  });
  const covered = new Set<ChecklistPathId>(checks.map((check) => check.path));
  for (const entry of catalog) {
    for (const path of pathsOf(entry).slice(1)) {
      if (covered.has(path)) continue;
      covered.add(path);
      const scenario = scenarioOf(entry);
      checks.push({
        kind: 'scenario',
        id: `code.${entry.code}.${path}`,
        path,
        title: `${entry.code} also answers this path as documented: ${scenario.title}`,
        code: entry.code,
        scenario,
      });
    }
  }
  const rest: NotRunPlannedCheck[] = CHECKLIST_PATHS.filter((path) => !covered.has(path.id)).map((path) =>
    uncovered(vendorId, path, policy),
  );
  return [...checks, ...rest];
}

function pathsOf(entry: CatalogEntry): ChecklistPathId[] {
  // The catalog schema restricts tags to the matrix ids; filter rather than trust a cast.
  const paths = (entry.checklist ?? []).filter(isChecklistPathId);
  return paths.length > 0 ? paths : ['other'];
}

/** Does a documented status fall in a row's status column ("403", "400/422", "5xx")? */
function statusInRow(status: number, path: ChecklistPath): boolean {
  return path.status
    .split('/')
    .some(
      (pattern) => pattern === String(status) || (pattern.endsWith('xx') && String(status)[0] === pattern[0]),
    );
}

/**
 * A row no code names. When the vendor documents statuses without codes in that row (ClaimRev's
 * API errors), the row is documented but not yet checked: skipped, saying so, rather than
 * reported as not applicable. Otherwise the reason comes from the policy's own words where it has
 * them.
 */
function uncovered(vendorId: VendorId, path: ChecklistPath, policy: VendorPolicy): NotRunPlannedCheck {
  const base = { id: `path.${path.id}`, path: path.id };
  const statuses = [...new Set(statusScenariosFor(vendorId).map((scenario) => scenario.status))].filter(
    (status) => statusInRow(status, path),
  );
  if (statuses.length > 0) {
    return {
      ...base,
      kind: 'skipped',
      title: `${path.label}: documented as a status without a code`,
      reason: `Documented as HTTP ${statuses.join(', ')} without an error code; checks for codeless statuses are not built yet.`,
    };
  }
  return {
    ...base,
    kind: 'not_applicable',
    title: `${path.label}: not documented`,
    reason: notApplicableReason(path.id, policy),
  };
}

function notApplicableReason(path: ChecklistPathId, policy: VendorPolicy): string {
  if (path === 'rate_limit' && !policy.rateLimit.documented) {
    return policy.rateLimit.note ?? 'No rate limit is documented.';
  }
  if (path === 'idempotency_reuse' && !policy.idempotency.supported) {
    return policy.idempotency.note ?? 'No idempotency key is documented.';
  }
  return 'No documented error code belongs to this path in the catalog.';
}
