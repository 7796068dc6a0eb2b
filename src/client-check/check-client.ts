import { createAuthenticator } from '../client/auth/create-authenticator.js';
import { ErrorContractsError, UnknownVendorError } from '../errors.js';
import { normalizeError } from '../normalize/normalize-error.js';
import { scrubText } from '../redaction/scrub.js';
import { headerSecretParts } from '../redaction/secrets.js';
import { DEFAULT_MAX_RETRY_AFTER_MS } from '../retry/decide-retry.js';
import { behaviourFor } from '../scenarios/index.js';
import { resolveBehaviour } from '../scenarios/resolve.js';
import type { ResolvedRequest } from '../scenarios/types.js';
import { type MountedExchange, mountSimulator } from '../simulator/transports/nock.js';
import type { SimRequest } from '../simulator/types.js';
import { vendorModels } from '../simulator/vendors/index.js';
import { clientCredentialsFor } from '../vendors/authentication.js';
import { getVendor, isVendorId, type VendorId, vendorIds } from '../vendors/registry.js';
import {
  type ObservedEvent,
  type ObservedRequest,
  type SequenceEnd,
  type SequenceRun,
  timelineOf,
} from './observation.js';
import { rulesFor } from './rules.js';
import {
  faultTarget,
  LONG_WAIT_SECONDS,
  planSequences,
  type SequenceId,
  type SequencePlan,
} from './sequences.js';
import type {
  CheckClientOptions,
  ClientCall,
  ClientCheckResult,
  ClientContext,
  ClientFactory,
  RuleVerdict,
} from './types.js';
import { VirtualTime, VirtualTimeLimitError } from './virtual-time.js';

/** Midnight UTC on 1 January 2026: whole seconds, so HTTP-dates and reset times are exact. */
export const DEFAULT_START_TIME = Date.UTC(2026, 0, 1);
const DEFAULT_BASE_URL = 'https://client-check.invalid';
const DEFAULT_SEED = 20_260_101;
/** Each sequence starts on a fresh minute, so no window or expiry carries over between them. */
const SEQUENCE_SPACING_MS = 60_000;
/** A client still busy after this much virtual time is abandoned: twice the longest wait scripted. */
const MAX_SEQUENCE_VIRTUAL_MS = 2 * LONG_WAIT_SECONDS * 1000;
const MAX_TIMERS_PER_SEQUENCE = 500;
const MAX_REAL_STALL_MS = 2_000;

/** The client function is not a function: a usage problem, reported with a stable code. */
export class InvalidClientError extends ErrorContractsError {
  constructor(what: string) {
    super('ERR_INVALID_CLIENT', `checkClient needs a client factory function; got ${what}.`);
    this.name = 'InvalidClientError';
  }
}

function callOf(request: ResolvedRequest): ClientCall {
  return {
    method: request.method,
    path: request.path,
    headers: { ...request.headers },
    ...(request.json === undefined ? {} : { body: request.json }),
  };
}

/**
 * Checks run one at a time: each replaces the process's timers and clock while it runs, and two
 * at once would each take the other's stand-ins for the originals and never put them back.
 */
let running: Promise<unknown> = Promise.resolve();

/**
 * Runs every scripted failure sequence of one vendor against a client, on the simulator mounted
 * in nock under virtual time, and judges each rule of the vendor's policy from the requests that
 * arrived. The client really waits, retries and authenticates as it would in production; only
 * the clock it reads and the timers it sets are virtual, so a run takes milliseconds.
 *
 * nock intercepts the base URL only; call nock.disableNetConnect() first if a client under test
 * might reach for another host.
 */
export function checkClient(
  vendorId: VendorId,
  factory: ClientFactory,
  options: CheckClientOptions = {},
): Promise<ClientCheckResult> {
  const turn = running.then(() => checkClientAlone(vendorId, factory, options));
  running = turn.catch(() => undefined);
  return turn;
}

async function checkClientAlone(
  vendorId: VendorId,
  factory: ClientFactory,
  options: CheckClientOptions,
): Promise<ClientCheckResult> {
  if (!isVendorId(vendorId)) throw new UnknownVendorError(vendorId, vendorIds);
  if (typeof factory !== 'function') throw new InvalidClientError(typeof factory);
  const wallStart = performance.now();
  const vendor = getVendor(vendorId);
  const { policy } = vendor;
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const seed = options.seed ?? DEFAULT_SEED;
  // The same read and write the behavioural sequences use, bound to the simulator's own facts.
  const { read, create } = resolveBehaviour(
    vendorModels[vendorId].credentials(baseUrl),
    behaviourFor(vendorId),
  );
  const samples = { read, write: create.request };
  const rules = rulesFor(vendorId, {
    maxWaitMs: options.maxWaitMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
    writeMethod: samples.write.method,
  });
  const plans = planSequences(vendorId);
  const needed = new Set(rules.flatMap((rule) => (rule.notApplicable === null ? rule.sequences : [])));

  const time = new VirtualTime(options.startTime ?? DEFAULT_START_TIME, seed);
  let events: ObservedEvent[] = [];
  const secrets = new Set<string>();
  let tokenPath: string | null = null;
  // Recorded on arrival, completed when answered: a write the client gave up on still counts.
  const pending = new WeakMap<SimRequest, ObservedRequest>();
  const arrive = (request: SimRequest, receivedAt: number) => {
    const credentialHeader = request.headers[policy.authentication.header.toLowerCase()];
    if (credentialHeader) for (const secret of headerSecretParts(credentialHeader)) secrets.add(secret);
    const event: ObservedRequest = {
      kind: request.path === tokenPath ? 'token' : 'api',
      method: request.method,
      target: `${request.path}${request.query.size > 0 ? `?${request.query}` : ''}`,
      headers: request.headers,
      body: new TextDecoder().decode(request.body),
      receivedAt,
      answeredAt: receivedAt,
      status: 0,
      code: null,
    };
    pending.set(request, event);
    events.push(event);
  };
  const record = (exchange: MountedExchange) => {
    const event = pending.get(exchange.request);
    if (!event) return;
    const { response } = exchange;
    event.answeredAt = exchange.answeredAt;
    event.status = response.status;
    event.code =
      response.status >= 400
        ? normalizeError(vendorId, response, { now: () => exchange.answeredAt }).code
        : null;
  };
  const sim = await mountSimulator(vendorId, baseUrl, { clock: time, onArrival: arrive, onExchange: record });
  const credential = sim.credentials().roles.valid;
  if (!credential)
    throw new ErrorContractsError(
      'ERR_NO_TEST_CREDENTIAL',
      `The ${vendorId} simulator has no valid credential.`,
    );
  if (credential.kind === 'oauthClient') {
    tokenPath = new URL(credential.tokenUrl).pathname.slice(
      new URL(baseUrl).pathname.replace(/\/$/, '').length,
    );
    secrets.add(credential.clientSecret);
  } else for (const secret of headerSecretParts(credential.value)) secrets.add(secret);
  // Every credential value the check knows of is blanked from text that leaves it (a client's error).
  const redact = (text: string) => scrubText(text, [...secrets]);

  const contextFor = (): ClientContext => {
    const credentials = clientCredentialsFor(policy.authentication, credential, () =>
      events.push({ kind: 'sign_in', at: time.now() }),
    );
    if (!credentials)
      throw new ErrorContractsError(
        'ERR_NO_TEST_CREDENTIAL',
        `The ${vendorId} simulator's valid credential does not fit the ${policy.authentication.scheme} scheme.`,
      );
    const authenticator = createAuthenticator(credentials, {
      policy: policy.authentication,
      fetch: (input, init) => globalThis.fetch(input, init),
      now: () => time.now(),
      fail: (_call, response) =>
        new ErrorContractsError(
          'ERR_CLIENT_CHECK_AUTH',
          `The simulated token endpoint refused the test credentials (status ${response?.status ?? 'none'}).`,
        ),
    });
    return { vendorId, baseUrl, credentials, authHeaders: () => authenticator.headers() };
  };

  async function play(plan: SequencePlan): Promise<SequenceRun> {
    sim.reset();
    time.discardTimers();
    time.skipTo(Math.ceil((time.now() + 1) / SEQUENCE_SPACING_MS) * SEQUENCE_SPACING_MS);
    time.reseed(seed + plan.seedOffset);
    const sample = plan.call === 'read' ? samples.read : samples.write;
    const startedAt = time.now();
    for (const fault of plan.faults(startedAt, sample.path))
      sim.faults.inject(vendorId, { ...fault, ...faultTarget(sample) });
    events = [];
    let end: SequenceEnd;
    try {
      const reply = await time.drive(
        async () => {
          const client = await factory(contextFor());
          return client(callOf(sample));
        },
        {
          maxVirtualMs: MAX_SEQUENCE_VIRTUAL_MS,
          maxAdvances: MAX_TIMERS_PER_SEQUENCE,
          maxStallMs: MAX_REAL_STALL_MS,
        },
      );
      const status = (reply as { status?: unknown } | null | undefined)?.status;
      end = { kind: 'resolved', status: typeof status === 'number' ? status : null };
    } catch (error) {
      end =
        error instanceof VirtualTimeLimitError
          ? { kind: 'abandoned', reason: error.message }
          : { kind: 'rejected', error: redact(describe(error)) };
    }
    return { plan, startedAt, endedAt: time.now(), events, end };
  }

  const runs = new Map<SequenceId, SequenceRun>();
  const restore = time.install();
  try {
    for (const plan of plans.values()) if (needed.has(plan.id)) runs.set(plan.id, await play(plan));
  } finally {
    restore();
    sim.unmount();
  }

  const runOf = (id: SequenceId): SequenceRun => {
    const run = runs.get(id);
    if (!run) throw new ErrorContractsError('ERR_INTERNAL', `sequence ${id} was not run`);
    return run;
  };
  const verdicts = rules.map((rule): RuleVerdict => {
    if (rule.notApplicable !== null) {
      return {
        rule: rule.id,
        title: rule.title,
        outcome: 'not_applicable',
        reason: rule.notApplicable,
        timeline: [],
      };
    }
    const { outcome, reason } = rule.judge(runOf);
    const timeline = rule.sequences.flatMap((id) =>
      timelineOf(runOf(id), rule.windowFor && ((retry) => rule.windowFor?.(id, retry))),
    );
    return { rule: rule.id, title: rule.title, outcome, reason, timeline };
  });
  const all = [...runs.values()];
  return {
    vendorId,
    vendorName: vendor.name,
    verdicts,
    passed: verdicts.every((verdict) => verdict.outcome !== 'violated'),
    requests: all.reduce(
      (sum, run) => sum + run.events.filter((event) => event.kind !== 'sign_in').length,
      0,
    ),
    virtualTimeMs: all.reduce((sum, run) => sum + (run.endedAt - run.startedAt), 0),
    wallTimeMs: performance.now() - wallStart,
  };
}

/** "HTTPError: Response code 503": the error's name and the first line of its message. */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0] ?? ''}`.slice(0, 300);
  return String(error).slice(0, 300);
}
