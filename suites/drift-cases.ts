import { checklistFor, type PlannedCheck } from '../src/conformance/index.js';
import type { CatalogEntry } from '../src/generated/meta-types.js';
import { getVendor, type VendorId } from '../src/index.js';
import { DRIFT_KINDS, type DriftVariant, driftProblem } from '../src/simulator/index.js';

/** One drifted simulator and what the checklist must say about it. */
export interface DriftCase {
  vendorId: VendorId;
  variant: DriftVariant;
  /** The check the break is about. */
  checkId: string;
  /**
   * What that check must end as: `fail` where the broken rule is a documented promise, `drift`
   * where it is only the project's reading of the docs (an inferred status), which an honest
   * vendor may answer otherwise.
   */
  outcome: 'fail' | 'drift';
  /**
   * Every check that must fail: the one above when it fails, plus any behavioural sequence that
   * relies on the broken promise (a 429 without its wait header also leaves the wait-out sequence
   * nothing to wait for). No other check may fail.
   */
  failing: string[];
  /** The failure (or drift note) that check must report, among any others the same break causes. */
  message: string;
}

/** Whether the rule a variant breaks is, for this catalog entry, a documented promise. */
function breaksPromise(vendorId: VendorId, kind: DriftVariant['kind'], entry: CatalogEntry): boolean {
  const { requestId } = getVendor(vendorId).policy;
  switch (kind) {
    case 'wrong_status':
      return entry.source.status === 'documented';
    case 'uncatalogued_code':
      return entry.source.code === 'documented';
    case 'missing_request_id':
      return !(requestId.optionalOnStatuses ?? []).includes(entry.status);
    default:
      return true;
  }
}

/**
 * The drift cases of one vendor, from its data alone: for each variant kind the vendor's docs make
 * checkable, the first catalog code that has exactly one check (so "only that check fails" is a
 * claim about one check) and whose broken rule is a documented promise; where no code's is (every
 * status an inferred reading), the first code whose check must then report drift instead. For a
 * documented status without a code, the first status that only one check answers.
 */
export function driftCasesFor(vendorId: VendorId): DriftCase[] {
  const checks = checklistFor(vendorId);
  const onlyCheck = (matches: (check: PlannedCheck) => boolean) => {
    const found = checks.filter(matches);
    return found.length === 1 ? found[0] : undefined;
  };
  const cases: DriftCase[] = [];
  for (const kind of DRIFT_KINDS) {
    let fallback: DriftCase | undefined;
    let found: DriftCase | undefined;
    for (const entry of getVendor(vendorId).catalog) {
      const { code } = entry;
      const variant = { kind, vendorId, code };
      const check = onlyCheck((candidate) => candidate.kind === 'scenario' && candidate.code === code);
      if (!check || driftProblem(variant) !== undefined) continue;
      const relying =
        kind === 'missing_header' || kind === 'understated_wait'
          ? checks
              .filter((other) => other.kind === 'sequence' && other.path === check.path)
              .map((other) => other.id)
          : [];
      const message = expectedMessage(vendorId, kind, code);
      if (kind === 'understated_wait') {
        // A wait header that promises too little is well formed: the code check passes, and only
        // the sequence that waits by it can tell.
        const [sequence] = relying;
        if (sequence === undefined) continue;
        found = { vendorId, variant, checkId: sequence, outcome: 'fail', failing: relying, message };
        break;
      }
      if (!breaksPromise(vendorId, kind, entry)) {
        fallback ??= { vendorId, variant, checkId: check.id, outcome: 'drift', failing: [], message };
        continue;
      }
      found = {
        vendorId,
        variant,
        checkId: check.id,
        outcome: 'fail',
        failing: [check.id, ...relying],
        message,
      };
      break;
    }
    const chosen = found ?? fallback;
    if (chosen) cases.push(chosen);
  }
  for (const planned of checks) {
    if (planned.kind !== 'status') continue;
    const { status } = planned;
    const variant: DriftVariant = { kind: 'wrong_status', vendorId, status };
    const check = onlyCheck((candidate) => candidate.kind === 'status' && candidate.status === status);
    if (!check || driftProblem(variant) !== undefined) continue;
    cases.push({
      vendorId,
      variant,
      checkId: check.id,
      outcome: 'fail',
      failing: [check.id],
      message: 'The status is not the documented one.',
    });
    break;
  }
  return cases;
}

/** The failure the conformance judge reports for each kind of break, in its own words. */
function expectedMessage(vendorId: VendorId, kind: DriftVariant['kind'], code: string): string {
  const { catalog, policy } = getVendor(vendorId);
  const entry = catalog.find((candidate) => candidate.code === code);
  const reader = policy.envelopes.find((candidate) => candidate.surface === (entry?.surface ?? 'api'));
  switch (kind) {
    case 'wrong_status':
      return 'The status is not the catalog’s.';
    case 'missing_request_id':
      return `No request id at ${reader?.requestId ?? policy.requestId.pointer}.`;
    case 'uncatalogued_code':
      return 'The code in the body is not in the catalog.';
    case 'missing_header':
      return `The ${entry?.headers?.[0]} header is missing.`;
    case 'wrong_envelope':
      return `The body does not pass the ${reader?.schema ?? 'envelope'} schema.`;
    case 'understated_wait':
      return 'The read after the advertised wait did not succeed.';
  }
}
