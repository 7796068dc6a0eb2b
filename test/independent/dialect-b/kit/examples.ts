import type { DialectDirectory } from '../types.js';

/**
 * How the start test plays a vendor's example bodies (its `examples.ts`): a vendor without that
 * file is not played there, its own tests cover its operations.
 */
export interface ExamplePlay {
  /** The request headers the vendor's main credential becomes. */
  authenticate(directory: DialectDirectory): Promise<Record<string, string>>;
  /** Path values the facts do not name directly, by operation: parameter → fact. */
  params?: Record<string, Record<string, string>>;
  /** Operations a plain session cannot play (the sign-in steps themselves). */
  notPlayed?: readonly string[];
}
