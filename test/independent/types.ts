import type { BugId } from './bugs.js';
import type { VendorHandler } from './kit/http.js';
import type { OperationEntry } from './kit/router.js';

/** The credential roles a conformance check may ask for. */
export type Role =
  | 'valid'
  | 'readOnly'
  | 'otherOrganisation'
  | 'expired'
  | 'revoked'
  | 'rateLimited'
  | 'secondFactorPending';

export type IndependentCredential =
  | { kind: 'header'; header: string; value: string }
  | { kind: 'oauthClient'; clientId: string; clientSecret: string; scope: string; tokenUrl: string };

/** A value that makes the vendor fail on its side, the way a real sandbox may offer one. */
export interface MagicValue {
  /** The fact holding the value. */
  fact: string;
  /** The operation it is sent to. */
  operation: string;
  /** The documented code (or bare status) it provokes. */
  provokes: string;
  status: number;
}

/**
 * Everything a sandbox config needs to point the suite at one independent vendor: where it is, its
 * operations (name → method and path template), its facts (record ids and other values, by name),
 * its credentials by role, and the values that provoke its server-side failures.
 */
export interface VendorDirectory {
  baseUrl: string;
  operations: Record<string, OperationEntry>;
  facts: Record<string, string>;
  credentials: Partial<Record<Role, IndependentCredential>>;
  /** ClaimRev only: where client credentials are exchanged for a bearer token. */
  tokenUrl?: string;
  magic: MagicValue[];
  /** Documented or chosen limits a check may need to know (upload sizes, token lifetime). */
  limits: Record<string, number>;
}

export interface VendorContext {
  now: () => number;
  bugs: ReadonlySet<BugId>;
  /** Rate-limit refill for the rateLimited role, in milliseconds. */
  rateLimitRefillMs: number;
}

/** One vendor, built from its docs: a handler for its server and the directory that describes it. */
export interface IndependentVendor {
  handler: VendorHandler;
  describe(baseUrl: string): VendorDirectory;
}
