/**
 * What a conformance check may ask of a target that is the embedded simulator, described here
 * rather than in the simulator so that the checks and the simulator both depend on this shape and
 * neither depends on the other.
 */

/**
 * "Fail the next N requests to this route with X". A fault names a catalog code (answered in the
 * vendor's shape with the catalog's status), or a bare status (answered as a gateway would, since
 * no documented code exists for it), and may hold the request for delayMs on the simulator's
 * clock first, which is how a write is kept "in flight".
 */
export interface FaultSpec {
  /** Exact path, or a prefix ending in '*'. Every path when absent. */
  route?: string;
  /** Every method when absent. */
  method?: string;
  /** How many matching requests fail; 1 when absent. */
  count?: number;
  code?: string;
  status?: number;
  delayMs?: number;
  /** Extra response headers (a Retry-After in a chosen form, say); only from code, not the header. */
  headers?: Readonly<Record<string, string>>;
}

/** Counters a simulator keeps, so a check can prove that a replayed write created nothing. */
export interface RuntimeStats {
  idempotencyRecords: number;
  idempotencyInFlight: number;
  rateLimitWindows: number;
  armedFaults: number;
  /** Requests held by a fault's delay right now. */
  heldRequests: number;
  /** Resources in the model's state, seeded ones included; absent when the model cannot count them. */
  resources?: number;
}
