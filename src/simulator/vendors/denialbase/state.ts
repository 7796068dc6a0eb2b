import type { ModelContext } from '../../types.js';

/** The records Denialbase's model keeps, and the rules that hold for every one of them. */

export type Role = 'admin' | 'member' | 'viewer';
export interface User {
  email: string;
  password: string;
  orgId: string;
  role: Role;
  /** The one-time code the simulated authenticator app shows; null when 2FA is off. */
  otp: string | null;
}
export interface Session {
  email: string;
  expiresAt: number;
  secondFactorDone: boolean;
  limitPerMinute: number;
}
export interface Denial {
  id: string;
  org_id: string;
  claim_number: string;
  denial_type: string;
  amount_cents: number;
  status: 'open' | 'appealed' | 'resolved';
  lock_version: number;
}
export interface DocumentRecord {
  id: string;
  org_id: string;
  filename: string;
  byte_size: number;
}
export interface State {
  sessions: Map<string, Session>;
  denials: Map<string, Denial>;
  documents: Map<string, DocumentRecord>;
}

export const COOKIE = '_denialbase_session';
export const HOUR = 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 12 * HOUR;
export const MAX_SESSIONS = 10_000;
/** 50 MiB: the policy records why the binary reading of "50 MB" was chosen. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const DENIAL_TYPES = [
  'medical_necessity',
  'prior_authorization',
  'coding',
  'eligibility',
  'timely_filing',
  'duplicate',
];
export const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export type Ctx = ModelContext<State>;
export interface Caller {
  user: User;
  token: string;
}
