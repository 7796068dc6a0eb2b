export type Tier = 'read_only' | 'read_write' | 'admin';

export interface ApiKey {
  value: string;
  firmId: string;
  tier: Tier;
  revoked: boolean;
}

export interface Firm {
  firmId: string;
  name: string;
}

/** The 5xx codes the sandbox's failing records answer with. */
export type ServerFailure = 'internal_error' | 'bad_gateway' | 'service_unavailable';

export const PRACTICE_AREAS = [
  'personal_injury',
  'workers_comp',
  'medical_malpractice',
  'employment',
] as const;

export interface LegalCase {
  id: number;
  firmId: string;
  title: string;
  practiceArea: (typeof PRACTICE_AREAS)[number];
  incidentDate: string;
  deleted: boolean;
  /** Sandbox records whose reads always fail on the vendor side, with this code. */
  failure?: ServerFailure;
  contactEmails: Set<string>;
}

export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Which status each status may move to; a status with no way out is terminal. */
export const TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  pending: ['accepted', 'declined', 'withdrawn'],
  accepted: ['closed'],
  declined: [],
  withdrawn: [],
  closed: [],
};

export const isTerminal = (status: ReferralStatus): boolean => TRANSITIONS[status].length === 0;

export interface Referral {
  id: number;
  caseId: number;
  fromFirmId: string;
  targetFirmId: string;
  status: ReferralStatus;
  note: string;
}

export interface CaseXchangeState {
  keys: ApiKey[];
  firms: Map<string, Firm>;
  cases: Map<number, LegalCase>;
  referrals: Map<number, Referral>;
  nextId: () => number;
}

export const RATE_LIMIT = { limit: 12, windowMs: 10_000 };
export const MAX_JSON_BYTES = 64 * 1024;
export const MAX_CSV_BYTES = 256 * 1024;
