import { createHash } from 'node:crypto';
import type { VendorPolicy } from '../generated/meta-types.js';
import { rateLimitStatusOf } from '../http-status.js';
import { parsePointer } from '../normalize/json-pointer.js';
import type { RuntimeStats } from '../scenarios/simulator-controls.js';
import { type Clock, sleepUnlessAborted } from '../time/clock.js';
import { credentialHeaderNames } from '../vendors/authentication.js';
import { findCatalogEntry, getVendor, type VendorId } from '../vendors/registry.js';
import { applyCredentialAliases } from './credential-aliases.js';
import type { DriftSwitch } from './drift-switch.js';
import { NO_EXTRAS } from './error-body-template.js';
import { errorResponse, jsonResponse, textResponse } from './errors-response.js';
import { FAULT_HEADER, type Fault, type FaultInjector, parseFaultHeader } from './fault-injection.js';
import { IdempotencyStore } from './idempotency-store.js';
import { andThen, type MaybePromise } from './maybe-async.js';
import { FixedWindowLimiter, type RateDecision } from './rate-limiter.js';
import { requestIdFactory } from './request-ids.js';
import type { ErrorExtras, ModelContext, SimRequest, SimResponse, VendorModel } from './types.js';

/** Where a vendor's documentation gives no window, keys are kept this long (see the policy notes). */
const DEFAULT_IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;
/** Requests a delay fault may hold at once, per vendor. */
export const DEFAULT_MAX_HELD_REQUESTS = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ways the simulator can be told to break one documented promise, so a test can show that the
 * check for that promise fails, and only that check.
 */
export interface SimulatorVariant {
  /**
   * Idempotency-Keys are not honoured. 'replay': a repeated key with the same body runs the write
   * again (a different body or a write still in flight is still refused); 'all': the header is
   * not looked at.
   */
  ignoreIdempotencyKeys?: 'replay' | 'all';
}

export interface VendorRuntime {
  readonly vendorId: VendorId;
  readonly model: VendorModel<unknown>;
  /**
   * Answers one request; never throws or rejects. The answer comes back at once unless something
   * must be waited for (a delay fault, an idempotent write, a model route that waits).
   */
  handle(request: SimRequest): MaybePromise<SimResponse>;
  /** Back to the seeded state: resources, idempotency records and rate windows. */
  reset(): void;
  stats(): RuntimeStats;
}

export interface RuntimeOptions {
  clock: Clock;
  faults: FaultInjector;
  /** Caps on the bounded stores; tests lower them. */
  maxIdempotencyRecords?: number;
  maxRateLimitWindows?: number;
  /** Requests a fault's delay may hold at once; past it a delayed request is refused with a 503. */
  maxHeldRequests?: number;
  /** Credentials the simulator did not issue, mapped to the test credentials they stand for. */
  credentialAliases?: ReadonlyMap<string, string>;
  /** Rules to break on purpose (drift variants); the faithful vendor when absent. */
  drift?: DriftSwitch;
  variant?: SimulatorVariant;
}

/**
 * The machinery every vendor shares, wrapped around its behaviour model: request ids, payload
 * limits, fault injection, rate limiting and idempotency, each driven by the vendor's policy, and
 * a last line of defence that turns any exception into the vendor's own 500.
 */
export function createVendorRuntime(model: VendorModel<unknown>, options: RuntimeOptions): VendorRuntime {
  const { clock, faults, drift } = options;
  const ignoredKeys = options.variant?.ignoreIdempotencyKeys;
  const vendorId = model.id;
  const policy = getVendor(vendorId).policy;
  const nextRequestId = requestIdFactory(policy.requestId, () => clock.now());
  const idempotency = new IdempotencyStore(
    policy.idempotency.windowSeconds ?? DEFAULT_IDEMPOTENCY_WINDOW_SECONDS,
    options.maxIdempotencyRecords,
  );
  const limiter = new FixedWindowLimiter(options.maxRateLimitWindows);
  const credentialHeaders = credentialHeaderNames(policy.authentication);
  let state = model.createState(clock.now());
  const maxHeld = options.maxHeldRequests ?? DEFAULT_MAX_HELD_REQUESTS;
  let held = 0;

  const requestIdPointer = policy.requestId.pointer;
  const requestIdAt = requestIdPointer ? parsePointer(requestIdPointer) : undefined;
  const errorSource: ErrorSource = {
    error: (code, message, extras, requestId) => {
      const response = errorResponse({
        vendorId,
        requestIdAt,
        shapeError: model.shapeError,
        code,
        message,
        extras,
        requestId,
        // Every id here comes from the runtime's own factory (RequestContext draws it).
        requestIdIsPlain: true,
        clock,
      });
      return drift ? drift.coded(vendorId, code, response) : response;
    },
    nextRequestId,
  };
  const settle = (response: SimResponse) => (drift ? drift.codeless(vendorId, response) : response);

  function handle(sent: SimRequest): MaybePromise<SimResponse> {
    const ctx = new RequestContext(state, clock, errorSource);
    try {
      const aliases = options.credentialAliases;
      const request = aliases && aliases.size > 0 ? applyCredentialAliases(sent, aliases) : sent;
      const answered = answer(request, ctx);
      return answered instanceof Promise
        ? answered.then(settle, (error) => settle(internalFailure(ctx, error)))
        : settle(answered);
    } catch (error) {
      return settle(internalFailure(ctx, error));
    }
  }

  function internalFailure(ctx: ModelContext<unknown>, error: unknown): SimResponse {
    try {
      return model.failure('internal', ctx, error instanceof Error ? error.name : 'unexpected failure');
    } catch {
      // The model failed even to describe its failure; a bare 500 is still better than a stack trace.
      return textResponse(500, 'Internal Server Error');
    }
  }

  function answer(request: SimRequest, ctx: ModelContext<unknown>): MaybePromise<SimResponse> {
    const size = request.declaredLength ?? request.body.length;
    if (size > model.maxBodyBytes) {
      return model.failure(
        'payload_too_large',
        ctx,
        `the body is ${size} bytes; at most ${model.maxBodyBytes}`,
      );
    }
    const fault = takeFault(request);
    const principal = principalOf(request);

    const rate = checkRate(principal);
    if (rate && !rate.decision.allowed) {
      const code = policy.rateLimit.code ?? 'rate_limited';
      return ctx.error(code, undefined, { headers: rate.headers });
    }
    // A request the idempotency rules do not cover (every read) runs without that layer's await.
    const response =
      idempotencyKeyOf(request) !== undefined
        ? withIdempotency(request, principal, ctx, () => run(request, ctx, fault))
        : run(request, ctx, fault);
    if (!rate) return response;
    return andThen(response, (answered) => {
      // Rate headers go only on the rate-limit status, the one answer the vendors' docs tie them
      // to: on every answer they would tempt a client to read a 5xx's "Remaining: 0" as a wait. A
      // header the answer already carries (a fault's chosen reset time, say) is not overwritten.
      if (answered.status === rateLimitStatusOf(policy.rateLimit))
        answered.headers = { ...rate.headers, ...answered.headers };
      return answered;
    });
  }

  /** The first credential header the request carries, or '' for none. */
  function principalOf(request: SimRequest): string {
    for (const name of credentialHeaders) {
      const value = request.headers[name];
      if (value) return value;
    }
    return '';
  }

  /** The Idempotency-Key the vendor would honour on this request, or undefined. */
  function idempotencyKeyOf(request: SimRequest): string | undefined {
    const rules = policy.idempotency;
    if (!rules.supported || !rules.header || ignoredKeys === 'all') return undefined;
    if (!rules.methods?.includes(request.method as never)) return undefined;
    return request.headers[rules.header.toLowerCase()];
  }

  function takeFault(request: SimRequest): Fault | undefined {
    const header = request.headers[FAULT_HEADER];
    const parsed = header === undefined ? undefined : parseFaultHeader(header);
    // A code the catalog does not know is ignored, like any other unusable header value, rather
    // than turning the request into an internal error that would look like a simulator bug.
    const fromHeader =
      parsed?.code !== undefined && !findCatalogEntry(vendorId, parsed.code) ? undefined : parsed;
    if (fromHeader) {
      const { count = 1, ...fault } = fromHeader;
      // The header fails this request; a larger count arms the rest for the same route.
      if (count > 1)
        faults.inject(vendorId, { ...fault, count: count - 1, method: request.method, route: request.path });
      return fault;
    }
    return faults.take(vendorId, request.method, request.path);
  }

  function run(
    request: SimRequest,
    ctx: ModelContext<unknown>,
    fault: Fault | undefined,
  ): MaybePromise<SimResponse> {
    if (fault?.delayMs) return runHeld(request, ctx, fault, fault.delayMs);
    return runNow(request, ctx, fault);
  }

  async function runHeld(request: SimRequest, ctx: ModelContext<unknown>, fault: Fault, delayMs: number) {
    // Each held request keeps a socket, a handler and a timer; a flood of them must stay bounded.
    if (held >= maxHeld) return textResponse(503, 'Too many requests are held by a delay fault; try again.');
    held++;
    try {
      await sleepUnlessAborted(clock, delayMs, request.signal);
    } finally {
      held--;
    }
    if (request.signal?.aborted) return textResponse(499, 'The client closed the request.');
    return await runNow(request, ctx, fault);
  }

  function runNow(request: SimRequest, ctx: ModelContext<unknown>, fault: Fault | undefined) {
    if (fault === undefined) return model.handle(request, ctx);
    const headers = fault.headers === undefined ? {} : lowerCaseKeys(fault.headers);
    if (fault.code !== undefined) return ctx.error(fault.code, undefined, { headers });
    if (fault.status !== undefined) {
      const failure = gatewayFailure(fault.status);
      return { ...failure, headers: { ...failure.headers, ...headers } };
    }
    return model.handle(request, ctx);
  }

  function checkRate(
    principal: string,
  ): { decision: RateDecision; headers: Record<string, string> } | undefined {
    if (!policy.rateLimit.documented || !model.rateLimitFor) return undefined;
    const rule = model.rateLimitFor(principal);
    if (!rule) return undefined;
    const now = clock.now();
    const decision = limiter.hit(principal, rule.limit, rule.windowSeconds * 1000, now);
    return { decision, headers: rateHeaders(policy, decision, now) };
  }

  async function withIdempotency(
    request: SimRequest,
    principal: string,
    ctx: ModelContext<unknown>,
    execute: () => MaybePromise<SimResponse>,
  ): Promise<SimResponse> {
    const rules = policy.idempotency;
    const key = idempotencyKeyOf(request);
    if (key === undefined) return execute();
    if (key.length === 0 || key.length > 255 || (rules.keyFormat === 'uuid' && !UUID.test(key))) {
      return model.failure('invalid_idempotency_key', ctx, 'the Idempotency-Key header is not valid');
    }
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.path}?${request.query}\n`)
      .update(request.body)
      .digest('hex');
    const scope = `${principal}\u0000${key}`;
    // Twice at most: a request that waited for a first attempt which then failed runs itself.
    for (let round = 0; round < 2; round++) {
      const outcome = idempotency.begin(scope, fingerprint, clock.now());
      if (outcome.kind === 'mismatch' && rules.mismatch) return ctx.error(rules.mismatch.code);
      if (outcome.kind === 'replay') return ignoredKeys === 'replay' ? execute() : replay(outcome.response);
      if (outcome.kind === 'in_flight') {
        if (rules.inFlight) return ctx.error(rules.inFlight.code);
        const settled = await outcome.settled;
        if (settled) return replay(settled);
        continue;
      }
      if (outcome.kind === 'first') {
        let response: SimResponse = textResponse(500, 'Internal Server Error');
        try {
          response = await execute();
        } finally {
          outcome.finish(response);
        }
        return response;
      }
    }
    return execute();
  }

  return {
    vendorId,
    model,
    handle,
    reset() {
      state = model.createState(clock.now());
      idempotency.clear();
      limiter.clear();
      faults.clear(vendorId);
    },
    stats() {
      const now = clock.now();
      idempotency.sweep(now);
      limiter.sweep(now);
      return {
        idempotencyRecords: idempotency.size,
        idempotencyInFlight: idempotency.inFlight,
        rateLimitWindows: limiter.size,
        armedFaults: faults.armed(vendorId),
        heldRequests: held,
        ...(model.countResources ? { resources: model.countResources(state) } : {}),
      };
    },
  };
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** The original answer again, marked as a replay the way several APIs do. */
function replay(original: SimResponse): SimResponse {
  return { ...original, headers: { ...original.headers, 'idempotent-replayed': 'true' } };
}

/** A status with no documented code comes from infrastructure in front of the API: a bare page. */
function gatewayFailure(status: number): SimResponse {
  return textResponse(
    status,
    `<html><body><h1>${status}</h1><p>The upstream service did not answer.</p></body></html>`,
    'text/html; charset=utf-8',
  );
}

/** The vendor's own rate-limit headers, as its policy names them. */
export function rateHeaders(
  policy: VendorPolicy,
  decision: RateDecision,
  now: number,
): Record<string, string> {
  const rules = policy.rateLimit;
  const headers: Record<string, string> = {};
  const secondsLeft = Math.max(1, Math.ceil((decision.resetAt - now) / 1000));
  for (const name of rules.informationalHeaders ?? []) {
    if (/limit$/i.test(name)) headers[name.toLowerCase()] = String(decision.limit);
    if (/remaining$/i.test(name)) headers[name.toLowerCase()] = String(decision.remaining);
  }
  if (rules.resetHeader) {
    const { name, unit } = rules.resetHeader;
    const value =
      unit === 'delta_seconds'
        ? secondsLeft
        : unit === 'epoch_milliseconds'
          ? decision.resetAt
          : Math.ceil(decision.resetAt / 1000);
    headers[name.toLowerCase()] = String(value);
  }
  if (!decision.allowed && rules.retryAfterHeader) headers['retry-after'] = String(secondsLeft);
  return headers;
}

/** What a request's context needs from its runtime to answer with an error. */
interface ErrorSource {
  error(
    code: string,
    message: string | undefined,
    extras: ErrorExtras,
    requestId: string | undefined,
  ): SimResponse;
  nextRequestId: (() => string) | undefined;
}

/**
 * One request's view of the runtime. A class rather than an object literal with closures, because
 * one is made for every request. The request id is drawn on first read: only error answers carry
 * one, and each id drawn is still a new one.
 */
class RequestContext implements ModelContext<unknown> {
  #requestId: string | undefined;
  #drawn = false;

  constructor(
    readonly state: unknown,
    readonly clock: Clock,
    private readonly source: ErrorSource,
  ) {}

  get requestId(): string | undefined {
    if (!this.#drawn) {
      this.#drawn = true;
      this.#requestId = this.source.nextRequestId?.();
    }
    return this.#requestId;
  }

  error(code: string, message?: string, extras: ErrorExtras = NO_EXTRAS): SimResponse {
    return this.source.error(code, message, extras, this.requestId);
  }

  json(status: number, body: unknown, headers?: Record<string, string>): SimResponse {
    return jsonResponse(status, body, headers);
  }
}
