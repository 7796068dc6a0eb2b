import type { ModelContext } from '../../types.js';

/** The records Foresight's model keeps, and the rules that hold for every one of them. */

export type Scope = 'patients:read' | 'patients:write' | 'claims:read' | 'claims:write';

export interface ApiKey {
  orgId: string;
  scopes: readonly Scope[];
  revoked: boolean;
  /** Relative to the state's creation, so "expired" stays expired on any clock. */
  expiresInMs: number | null;
  limitPerMinute: number;
}
export interface Patient {
  id: string;
  orgId: string;
  externalId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  deletedAt: string | null;
}
export interface Claim {
  id: string;
  orgId: string;
  patientId: string;
  payerId: string;
  claimType: string;
  totalChargeCents: number;
  admissionDate: string | null;
  dischargeDate: string | null;
  serviceLines: unknown[];
  status: 'draft' | 'submitted';
}
export interface State {
  createdAt: number;
  patients: Map<string, Patient>;
  claims: Map<string, Claim>;
}

/** A payer the simulator always hears a rejection from, so payer_rejected needs no fault. */
export const REJECTING_PAYER = 'PAYER_REJECTS_ALL';

export const DAY = 24 * 60 * 60 * 1000;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const CLAIM_TYPES = ['professional', 'institutional'];
export const MAX_NOTES = 500;
export const MAX_NAME = 100;

export type Ctx = ModelContext<State>;
