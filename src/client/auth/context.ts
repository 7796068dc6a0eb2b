import type { AuthenticationPolicy } from '../../generated/meta-types.js';
import type { ResponseInput } from '../../normalize/types.js';
import type { FetchFunction } from '../types.js';

/** What a scheme may use from the client: its transport, clock, and the way it reports failures. */
export interface AuthContext {
  policy: AuthenticationPolicy;
  fetch: FetchFunction;
  now: () => number;
  /**
   * Turns a failed credential exchange into the client's typed error, so a token endpoint's
   * refusal reaches the caller like any other vendor error (with its support bundle).
   */
  fail(
    call: { method: string; path: string; body: unknown },
    response: ResponseInput | null,
    cause?: unknown,
  ): Error;
}
