export type Role = 'analyst' | 'viewer';

export interface User {
  id: number;
  login: string;
  secret: string;
  orgId: number;
  role: Role;
  twoFactor: boolean;
}

export interface Session {
  token: string;
  userId: number;
  awaitingSecondFactor: boolean;
  signedOut: boolean;
  lastSeenMs: number;
}

/** The 5xx codes the sandbox's failing records answer with. */
export type ServerFailure = 'internal_error' | 'bad_gateway' | 'service_unavailable' | 'gateway_timeout';

export const DENIAL_TYPES = [
  'medical_necessity',
  'prior_authorization',
  'timely_filing',
  'coding_error',
  'eligibility',
] as const;
export const DENIAL_STATUSES = ['open', 'appealed', 'resolved', 'written_off'] as const;

export interface Denial {
  id: number;
  orgId: number;
  claim_number: string;
  denial_type: (typeof DENIAL_TYPES)[number];
  amount_cents: number;
  denied_on: string;
  payer_contact_email?: string;
  status: (typeof DENIAL_STATUSES)[number];
  lock_version: number;
  /** Sandbox records whose reads always fail on the vendor side, with this code. */
  failure?: ServerFailure;
  /** A denial merged into another one: reads are redirected there. */
  mergedInto?: number;
}

export interface StoredDocument {
  id: number;
  denialId: number;
  filename: string;
  bytes: number;
}

export interface DenialbaseState {
  users: User[];
  sessions: Map<string, Session>;
  denials: Map<number, Denial>;
  documents: Map<number, StoredDocument>;
  twoFactorCode: string;
  nextId: () => number;
}

export const SESSION_COOKIE = '_denialbase_session';
/** A session nobody used for this long has lapsed. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const RATE_LIMIT = { limit: 12, windowMs: 10_000 };
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** "Upload exceeds 50 MB": read as 50,000,000 bytes, the stricter of the two readings. */
export const MAX_UPLOAD_BYTES = 50_000_000;
export const MAX_JSON_BYTES = 64 * 1024;
/** The industry's harmless antivirus test string; uploads containing it fail the scan. */
export const TEST_VIRUS_SIGNATURE = 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE';
