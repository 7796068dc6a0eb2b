/**
 * The one code path every run takes: checks sent over HTTP to a base URL with configured
 * credentials. A sandbox run uses it as it is; the local and nock targets hand it the embedded
 * simulator's URL and test credentials plus the simulator-only hooks, so sandbox mode is
 * exercised end to end on every run.
 */
import type { Agent } from 'node:http';
import {
  type ConformanceTarget,
  DEFAULT_LIMITS,
  type PlannedCheck,
  type RunLimits,
  type SimulatorHooks,
} from '../../conformance/types.js';
import { createRequestGuard } from '../../net/request-guard.js';
import { missingFacts } from '../../scenarios/resolve.js';
import { exchange } from '../../scenarios/runner.js';
import type { CredentialRole, VendorCredentials } from '../../scenarios/types.js';
import { type Clock, realClock } from '../../time/clock.js';
import { getVendor, type VendorId } from '../../vendors/registry.js';
import { factVariable } from '../config/env-names.js';
import { RunConfigError } from '../config/errors.js';
import { credentialHint, declaredUrls, type ResolvedVendorConfig } from '../config/sandbox-config.js';
import {
  applyOverride,
  fixedBurstOf,
  needsSimulator,
  requestsOfCheck,
  rolesOf,
  sizedForSandbox,
  streamsToLimit,
} from './check-requirements.js';
import { simulatorMembers } from './simulator-side.js';

/** What only the embedded simulator can do between and during checks. */
export interface SimulatorSide {
  hooks: SimulatorHooks;
  /** Back to the seeded state with no armed faults. */
  reset(vendorId: VendorId): void;
  waitForBackground(vendorId: VendorId): Promise<void>;
  releaseBackground(vendorId: VendorId): void;
}

export interface HttpTargetOptions {
  vendors: ReadonlyMap<VendorId, ResolvedVendorConfig>;
  /** The clock the far side runs on; the wall clock unless it is a simulator with a virtual one. */
  clock?: Clock;
  /** Present exactly when the far side is the embedded simulator. */
  simulator?: SimulatorSide;
  /** Requests are intercepted in this process (nock) rather than sent over a socket. */
  inProcess?: boolean;
  /** What a check may cost the API; DEFAULT_LIMITS where not given. */
  limits?: Partial<RunLimits>;
  /**
   * A keep-alive agent for a far side whose keep-alive timeout is known (the embedded simulator);
   * without it every request opens and closes a connection of its own.
   */
  agent?: Agent;
}

export const USER_AGENT = 'error-contracts conformance check (test traffic)';

export function createHttpTarget(options: HttpTargetOptions): ConformanceTarget {
  const clock = options.clock ?? realClock;
  const side = options.simulator;
  const vendor = (vendorId: VendorId): ResolvedVendorConfig => {
    const found = options.vendors.get(vendorId);
    if (!found) throw new RunConfigError(`${vendorId} is not configured for this run.`);
    return found;
  };
  // Bearer tokens are cached per credentials object (see scenario-runner.ts). A sandbox keeps its
  // tokens for the whole run, one fetch per role; the simulator forgets the tokens it issued when
  // it is reset, so each reset starts a fresh object and with it a fresh token.
  const credentials = new Map<VendorId, VendorCredentials>();
  const credentialsOf = (vendorId: VendorId): VendorCredentials => {
    let found = credentials.get(vendorId);
    if (!found) {
      found = { ...vendor(vendorId).credentials };
      credentials.set(vendorId, found);
    }
    return found;
  };
  // Every resolved request URL is checked before it is sent: only loopback and the configured
  // (declared) base and token URLs' origins receive the run's credentials.
  const guard = createRequestGuard([...options.vendors.values()].flatMap(declaredUrls));
  const target: ConformanceTarget = {
    // Every request says what sent it, so a vendor (or whoever reads a sandbox's logs) can tell
    // conformance traffic from a real integration's.
    send: (url, method, headers, body) => {
      const refusal = guard.refusal(url);
      if (refusal !== undefined)
        return Promise.reject(
          new RunConfigError(`A request was resolved to ${refusal}, so it was not sent.`),
        );
      return exchange(url, method, { 'user-agent': USER_AGENT, ...headers }, body, options.agent);
    },
    baseUrl: (vendorId) => vendor(vendorId).baseUrl,
    credentials: credentialsOf,
    now: () => clock.now(),
    wait: (ms) => clock.sleep(ms),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    prepare: (vendorId, check) =>
      prepare(vendor(vendorId), check, {
        simulated: side !== undefined,
        inProcess: options.inProcess === true,
      }),
  };
  if (side) {
    const { beforeCheck, ...members } = simulatorMembers(side);
    Object.assign(target, members);
    target.beforeCheck = (vendorId, check) => {
      beforeCheck(vendorId, check);
      credentials.delete(vendorId);
    };
  }
  return target;
}

/**
 * A check as this target can run it: with the configured request override applied, or turned into
 * a skipped check whose reason says what would enable it (a credential variable, the simulator).
 */
export function prepare(
  config: ResolvedVendorConfig,
  planned: PlannedCheck,
  where: { simulated: boolean; inProcess: boolean },
): PlannedCheck {
  const override = config.checks[planned.id];
  const skipped = (reason: string): PlannedCheck => ({
    kind: 'skipped',
    id: planned.id,
    path: planned.path,
    title: planned.title,
    reason,
  });
  if (override?.skip !== undefined) return skipped(`Skipped by the run's configuration: ${override.skip}`);
  let check = applyOverride(planned, override?.request);
  if (where.inProcess && streamsToLimit(check)) {
    return skipped(
      'Streams a body one byte past the size limit; in-process interception buffers all of it before answering, so the local target checks it over a socket.',
    );
  }
  if (!where.simulated) {
    const sized = sizedForSandbox(
      check,
      getVendor(config.vendorId).policy.payloadLimit,
      config.credentials.facts,
      config.vendorId,
    );
    if ('skip' in sized) return skipped(sized.skip);
    check = sized;
  }
  const burst = fixedBurstOf(check);
  if (!where.simulated && burst > 1) {
    return skipped(
      `Uses up the simulator's rate limit with a fixed burst of ${burst} requests; a sandbox's quota is unknown, so sequence.rate_limit_wait provokes its 429 within --max-burst instead.`,
    );
  }
  if (!where.simulated && needsSimulator(check)) {
    return skipped(
      'scenario' in check && check.scenario.how === 'fault'
        ? `Needs the embedded simulator's fault injection: a sandbox cannot be made to fail on demand. Where yours has a record that fails this way for real, point vendors.${config.vendorId}.checks.${check.id}.request.path at it.`
        : 'Needs the embedded simulator (a fault injected during setup, or a write held in flight): a sandbox cannot be made to do either on demand.',
    );
  }
  const missing = rolesOf(check).filter((role) => config.credentials.roles[role] === undefined);
  if (missing.length > 0) {
    const hints = missing.map(
      (role: CredentialRole) => `${role}: set ${credentialHint(config.vendorId, role)}`,
    );
    return skipped(`No credential configured for ${hints.join('; ')}.`);
  }
  const facts = missingFacts(config.credentials, requestsOfCheck(config.vendorId, check));
  if (facts.length > 0) {
    const hints = facts.map((fact) => `facts.${fact} (or ${factVariable(config.vendorId, fact)})`);
    return skipped(
      `Needs a record the configuration does not name: set ${hints.join(', ')}, or return it from a fixtures hook.`,
    );
  }
  return check;
}
