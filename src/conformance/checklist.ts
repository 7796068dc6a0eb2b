import { ErrorContractsError } from '../errors.js';
import type { CatalogEntry, VendorPolicy } from '../generated/meta-types.js';
import {
  CHECKLIST_PATHS,
  type ChecklistPath,
  type ChecklistPathId,
  isChecklistPathId,
} from '../report/paths.js';
import { moreScenariosFor, rowScenariosFor, scenariosFor, statusScenariosFor } from '../scenarios/index.js';
import type { Scenario, StatusScenario } from '../scenarios/types.js';
import { getVendor, type VendorId } from '../vendors/registry.js';
import { sequenceChecksFor } from './sequences/index.js';
import type { NotRunPlannedCheck, PlannedCheck, ScenarioCheck, StatusCheck } from './types.js';

/**
 * A vendor's checklist, derived from data only: one check per catalog code (on the matrix row its
 * first `checklist` tag names, provoked by the scenario table); a further check for a row that a
 * code names only as a later tag, played by the row scenario written for it; a later tag without
 * one is listed as not verified (a check of its own would repeat code.<code>'s request, and the
 * row must not be credited to a request that does not exercise it);
 * one check per documented status that has no code (the vendor's status scenarios); the
 * behavioural sequences (idempotency, waiting out a 429, refreshing credentials, the 5xx schedule); then one
 * entry, with its reason, for each row nothing covers. Nothing here knows a vendor by name, so a
 * sixth vendor's catalog and scenarios are enough to give it a checklist.
 */
export function checklistFor(vendorId: VendorId): PlannedCheck[] {
  const { catalog, policy } = getVendor(vendorId);
  const scenarios = new Map(scenariosFor(vendorId).map((scenario) => [scenario.code, scenario]));
  const scenarioOf = (entry: CatalogEntry): Scenario => {
    const scenario = scenarios.get(entry.code);
    // The catalog walk test keeps the two tables in step; a gap here is a programming error.
    if (!scenario)
      throw new ErrorContractsError(
        'ERR_INTERNAL',
        `${vendorId} has no scenario for its catalog code ${entry.code}.`,
      );
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
  const statusChecks = statusChecksFor(vendorId);
  const covered = new Set<ChecklistPathId>([...checks, ...statusChecks].map((check) => check.path));
  const rowScenarios = rowScenariosFor(vendorId);
  // A row a code names only as a later tag is checked with a scenario written to exercise it; one
  // without is listed as not verified, naming the code, since the code's own request would only
  // repeat code.<code> (two checks of one request are one check).
  const laterTags = new Map<ChecklistPathId, string>();
  for (const entry of catalog) {
    for (const path of pathsOf(entry).slice(1)) {
      if (covered.has(path)) continue;
      const scenario = rowScenarios.find(
        (candidate) => candidate.code === entry.code && candidate.path === path,
      );
      if (!scenario) {
        laterTags.set(path, entry.code);
        continue;
      }
      covered.add(path);
      laterTags.delete(path);
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
  // Further documented ways a code comes back, each its own check on the code's first row.
  for (const scenario of moreScenariosFor(vendorId)) {
    const entry = catalog.find((candidate) => candidate.code === scenario.code);
    if (!entry)
      throw new ErrorContractsError(
        'ERR_INTERNAL',
        `${vendorId} has a further scenario for ${scenario.code}, which is not in its catalog.`,
      );
    checks.push({
      kind: 'scenario',
      id: `code.${entry.code}.${scenario.name}`,
      path: pathsOf(entry)[0] ?? 'other',
      title: `${entry.code} comes back as documented: ${scenario.title} ("${scenario.quote}")`,
      code: entry.code,
      scenario,
    });
  }
  // Behavioural sequences follow. One that does not apply is listed only on a row something else
  // checks (refresh on an API-key vendor's 401 row, say): on a row nothing covers, the row's own
  // entry already gives the same reason.
  const sequences = sequenceChecksFor(vendorId);
  for (const sequence of sequences) if (sequence.kind === 'sequence') covered.add(sequence.path);
  const shownSequences = sequences.filter(
    (sequence) => sequence.kind === 'sequence' || covered.has(sequence.path),
  );
  const rest: NotRunPlannedCheck[] = CHECKLIST_PATHS.filter((path) => !covered.has(path.id)).map((path) => {
    const code = laterTags.get(path.id);
    return code === undefined
      ? {
          kind: 'not_applicable',
          id: `path.${path.id}`,
          path: path.id,
          title: `${path.label}: not documented`,
          reason: notApplicableReason(path.id, policy),
        }
      : {
          kind: 'skipped',
          id: `path.${path.id}`,
          path: path.id,
          title: `${path.label}: documented through ${code}, not exercised on its own`,
          reason: `The catalog also names this path for ${code}, but no scenario of its own provokes it; code.${code} checks the code once, on its first path.`,
        };
  });
  // Code checks come first and keep their order, so adding status checks moves no other row.
  return [...checks, ...statusChecks, ...shownSequences, ...rest];
}

/**
 * One check per status scenario, numbered within its status (`status.404.2`) so ids stay stable
 * while the scenario table keeps its order.
 */
function statusChecksFor(vendorId: VendorId): StatusCheck[] {
  const seen = new Map<number, number>();
  return statusScenariosFor(vendorId).map((scenario) => {
    const number = (seen.get(scenario.status) ?? 0) + 1;
    seen.set(scenario.status, number);
    return {
      kind: 'status',
      id: `status.${scenario.status}.${number}`,
      path: rowOf(vendorId, scenario),
      title: `HTTP ${scenario.status} comes back, its body kept as is: ${scenario.title}`,
      status: scenario.status,
      scenario,
    };
  });
}

/**
 * The row a status scenario exercises: the one it names, or else the only row whose status column
 * holds its status. A status two rows share (403) must be named, or the report would guess.
 */
function rowOf(vendorId: VendorId, scenario: StatusScenario): ChecklistPathId {
  if (scenario.path) return scenario.path;
  const rows = CHECKLIST_PATHS.filter((path) => statusInRow(scenario.status, path));
  if (rows.length > 1) {
    throw new ErrorContractsError(
      'ERR_INTERNAL',
      `${vendorId}'s status scenario "${scenario.title}" must name its row: HTTP ${scenario.status} fits ${rows.map((row) => row.id).join(', ')}.`,
    );
  }
  return rows[0]?.id ?? 'other';
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

function notApplicableReason(path: ChecklistPathId, policy: VendorPolicy): string {
  if (path === 'rate_limit' && !policy.rateLimit.documented) {
    return policy.rateLimit.note ?? 'No rate limit is documented.';
  }
  if (path === 'idempotency_reuse' && !policy.idempotency.supported) {
    return policy.idempotency.note ?? 'No idempotency key is documented.';
  }
  return 'No documented error code belongs to this path in the catalog.';
}
