import type { ModelContext } from '../../types.js';

/** The records CaseXchange's model keeps, and the rules that hold for every one of them. */

export type Tier = 'read_only' | 'standard' | 'admin';
export type CaseStatus = 'open' | 'in_progress' | 'closed';
export type ReferralStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

export interface ApiKey {
  firmId: string;
  tier: Tier;
  revoked: boolean;
  limitPerMinute: number;
}
export interface Firm {
  id: string;
  name: string;
}
export interface Case {
  id: string;
  firmId: string;
  clientName: string;
  caseType: string;
  status: CaseStatus;
}
export interface Referral {
  id: string;
  caseId: string;
  fromFirmId: string;
  targetFirmId: string;
  status: ReferralStatus;
}
export interface State {
  firms: Map<string, Firm>;
  cases: Map<string, Case>;
  referrals: Map<string, Referral>;
}

export type Ctx = ModelContext<State>;
export interface Caller {
  key: ApiKey;
}

export const CASE_TYPES = ['personal_injury', 'workers_compensation', 'medical_malpractice'];
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Which case status may follow which; anything else is an invalid transition. */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ['in_progress', 'closed'],
  in_progress: ['closed'],
  closed: [],
};
export const TERMINAL_REFERRALS: readonly ReferralStatus[] = ['declined', 'withdrawn'];
