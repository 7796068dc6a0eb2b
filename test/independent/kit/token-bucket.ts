/**
 * A token bucket per principal. Unlike a fixed window, it refills one token at a time, so the
 * limit lifts as soon as one token is back: a little before the whole seconds a Retry-After or
 * reset header can advertise. That early lift is legitimate, and the reason a conformance check
 * must not demand a refusal just before the advertised time.
 */
export class TokenBucket {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly refillMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * Takes a token; when none is left, says in how many milliseconds the next one arrives and in
   * how many the bucket is full again (the end of the "window", for a vendor that advertises that).
   */
  take(principal: string): { allowed: true } | { allowed: false; waitMs: number; fullMs: number } {
    const now = this.now();
    const previous = this.buckets.get(principal) ?? { tokens: this.capacity, at: now };
    const tokens = Math.min(this.capacity, previous.tokens + (now - previous.at) / this.refillMs);
    if (tokens >= 1) {
      this.buckets.set(principal, { tokens: tokens - 1, at: now });
      return { allowed: true };
    }
    this.buckets.set(principal, { tokens, at: now });
    return {
      allowed: false,
      waitMs: Math.ceil((1 - tokens) * this.refillMs),
      fullMs: Math.ceil((this.capacity - tokens) * this.refillMs),
    };
  }

  /**
   * Takes a token; when none is left, the headers of the refusal: the wait in whole seconds,
   * rounded up, until the next token or until the bucket is full, in `waitHeader`, or no header at
   * all when it is null (a vendor that forgets it).
   */
  refuse(
    principal: string,
    waitHeader: string | null,
    until: 'next_token' | 'full' = 'next_token',
  ): Record<string, string> | undefined {
    const taken = this.take(principal);
    if (taken.allowed) return undefined;
    const waitMs = until === 'full' ? taken.fullMs : taken.waitMs;
    return waitHeader === null ? {} : { [waitHeader]: String(Math.ceil(waitMs / 1000)) };
  }
}
