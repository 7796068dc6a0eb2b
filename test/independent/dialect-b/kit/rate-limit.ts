/**
 * A fixed-window request quota per credential, on the vendor's clock. Small enough to be hit in an
 * ordinary run, which is the point: a user's suite meets the limit without trying.
 */
export type RateDecision =
  | { allowed: true; limit: number; remaining: number; resetAtMs: number }
  | { allowed: false; limit: number; resetAtMs: number; retryAfterSeconds: number };

export interface RateLimiter {
  take(credentialKey: string): RateDecision;
}

export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  now: () => number;
}): RateLimiter {
  const windows = new Map<string, { startMs: number; count: number }>();
  return {
    take(credentialKey) {
      const nowMs = options.now();
      let window = windows.get(credentialKey);
      if (window === undefined || nowMs >= window.startMs + options.windowMs) {
        window = { startMs: nowMs, count: 0 };
        windows.set(credentialKey, window);
      }
      const resetAtMs = window.startMs + options.windowMs;
      if (window.count >= options.limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil((resetAtMs - nowMs) / 1000));
        return { allowed: false, limit: options.limit, resetAtMs, retryAfterSeconds };
      }
      window.count += 1;
      return { allowed: true, limit: options.limit, remaining: options.limit - window.count, resetAtMs };
    },
  };
}
