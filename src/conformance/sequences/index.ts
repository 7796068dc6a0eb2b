import { ErrorContractsError } from '../../errors.js';
import type { CheckResult } from '../../report/result.js';
import { behaviourFor, behaviourRequests } from '../../scenarios/index.js';
import {
  type Binding,
  factsNeededBy,
  lenientBinding,
  MissingFactError,
  resolveBehaviour,
} from '../../scenarios/resolve.js';
import { getVendor, type VendorId } from '../../vendors/registry.js';
import { RateLimitedBeyondWaitError } from '../pacing.js';
import type { ConformanceTarget, NotRunPlannedCheck, SequenceCheck } from '../types.js';
import { credentialRefresh } from './credential-refresh.js';
import type { SequenceDefinition, VendorFacts } from './definition.js';
import { idempotencyInFlight } from './idempotency-in-flight.js';
import { idempotencyMismatch } from './idempotency-mismatch.js';
import { idempotencyReplay } from './idempotency-replay.js';
import { rateLimitWait } from './rate-limit-wait.js';
import { notRunResult, SequenceRecorder } from './recorder.js';
import { serverRetryGivesUp, serverRetryRecovers } from './server-retry.js';
import { tokenLifetime } from './token-lifetime.js';

/** Every behavioural sequence, in the order a vendor's checks are run and reported. */
export const SEQUENCES: readonly SequenceDefinition[] = [
  idempotencyReplay,
  idempotencyMismatch,
  idempotencyInFlight,
  rateLimitWait,
  credentialRefresh,
  tokenLifetime,
  serverRetryGivesUp,
  serverRetryRecovers,
];

/** The vendor's documented rules; its behaviour data too once a target's binding resolves it. */
function factsOf(vendorId: VendorId, behaviour?: VendorFacts['behaviour']): VendorFacts {
  const { policy, catalog } = getVendor(vendorId);
  return { vendorId, policy, catalog, behaviour };
}

/**
 * The behaviour data resolved for a target, or the facts a sequence needs and the target lacks.
 * A fact only the part the sequence does not send names is given a stand-in.
 */
export function behaviourForTarget(
  binding: Binding,
  uses: SequenceDefinition['uses'],
): { behaviour: NonNullable<VendorFacts['behaviour']> } | { missing: string[] } {
  const data = behaviourFor(binding.vendorId);
  try {
    return { behaviour: resolveBehaviour(binding, data) };
  } catch (error) {
    if (!(error instanceof MissingFactError)) throw error;
    const needed = new Set(
      behaviourRequests(data, uses).flatMap((request) => factsNeededBy(binding, request)),
    );
    const missing = error.facts.filter((name) => needed.has(name));
    if (missing.length > 0) return { missing };
    return { behaviour: resolveBehaviour(lenientBinding(binding, error.facts), data) };
  }
}

/**
 * A vendor's behavioural checks: one per sequence, planned as not applicable (with the reason
 * from its documentation) where the vendor does not document the path.
 */
export function sequenceChecksFor(vendorId: VendorId): (SequenceCheck | NotRunPlannedCheck)[] {
  const facts = factsOf(vendorId);
  return SEQUENCES.map((sequence): SequenceCheck | NotRunPlannedCheck => {
    const base = { id: `sequence.${sequence.name}`, path: sequence.path, title: sequence.title };
    const reason = sequence.notApplicable(facts);
    return reason === undefined
      ? { ...base, kind: 'sequence', sequence: sequence.name }
      : { ...base, kind: 'not_applicable', reason };
  });
}

/**
 * Plays one behavioural check against a target and judges it. A check planned as not applicable
 * comes back so, and one the target cannot run (no simulator to inject faults, say) is skipped
 * with the reason; neither sends anything.
 */
export async function runSequenceCheck(
  vendorId: VendorId,
  target: ConformanceTarget,
  check: SequenceCheck | NotRunPlannedCheck,
): Promise<CheckResult> {
  if (check.kind !== 'sequence') return notRunResult(check, check.kind, check.reason);
  const sequence = SEQUENCES.find((candidate) => candidate.name === check.sequence);
  if (!sequence) throw new ErrorContractsError('ERR_INTERNAL', `No sequence is called ${check.sequence}.`);
  const planned = factsOf(vendorId);
  const notApplicable = sequence.notApplicable(planned);
  if (notApplicable !== undefined) return notRunResult(check, 'not_applicable', notApplicable);
  const bound = behaviourForTarget(target.credentials(vendorId), sequence.uses);
  if ('missing' in bound) {
    return notRunResult(
      check,
      'skipped',
      `Needs the fact(s) ${bound.missing.join(', ')}: set facts.<name> in the config, or ERROR_CONTRACTS_<VENDOR>_FACT_<NAME>.`,
    );
  }
  const facts = factsOf(vendorId, bound.behaviour);
  const cannotRun = sequence.cannotRun?.(facts, target);
  if (cannotRun !== undefined) return notRunResult(check, 'skipped', cannotRun);

  await target.beforeCheck?.(vendorId, check);
  const recorder = new SequenceRecorder(vendorId, target, check);
  try {
    await sequence.run(facts, recorder);
  } catch (error) {
    // A rate limit beyond --max-wait has already marked the sequence not verified (recorder.send).
    if (!(error instanceof RateLimitedBeyondWaitError)) {
      const message = error instanceof Error ? error.message : String(error);
      recorder.fail(`No answer: ${message}`, 'an HTTP answer', message);
    }
  }
  return recorder.result();
}

/** Runs every behavioural check of a vendor in order, one at a time (they share its state). */
export async function runSequenceChecks(
  vendorId: VendorId,
  target: ConformanceTarget,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of sequenceChecksFor(vendorId))
    results.push(await runSequenceCheck(vendorId, target, check));
  return results;
}
