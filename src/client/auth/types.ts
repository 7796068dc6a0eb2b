/** What the client needs from a scheme: headers for a call, a way to renew them, what to hide. */
export interface Authenticator {
  /** Headers to add to the next call. */
  headers(): Promise<Record<string, string>>;
  /** Fetch fresh credentials; false when the scheme has no way to (a static key). */
  refresh(): Promise<boolean>;
  /** Every secret value in play now, for redaction (tokens change, so this is asked each time). */
  secrets(): string[];
}
