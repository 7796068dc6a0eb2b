export type Scope = 'claims:read' | 'claims:write' | 'eligibility:write';

export interface ForesightKey {
  value: string;
  orgId: string;
  scopes: ReadonlySet<Scope>;
  expiresAtMs: number;
  revoked: boolean;
}

export const CLAIM_TYPES = ['professional', 'institutional'] as const;

export interface Claim {
  id: number;
  orgId: string;
  patientId: string;
  claimType: (typeof CLAIM_TYPES)[number];
  totalChargeCents: number;
  admissionDate: string;
  dischargeDate?: string;
  externalId: string;
  memo?: string;
  deleted: boolean;
  /** A sandbox record whose reads always fail on the vendor side. */
  broken: boolean;
}

export interface ForesightState {
  keys: ForesightKey[];
  /** Patient id to the organization that owns the patient. */
  patients: Map<string, string>;
  claims: Map<number, Claim>;
  nextId: () => number;
}

/** Payer ids whose clearinghouse leg the sandbox makes fail (or stall) on purpose. */
export const MAGIC_PAYERS = {
  unavailablePayerId: '99502',
  garbledPayerId: '99512',
  rejectingPayerId: '99422',
  degradedPayerId: '99503',
  slowPayerId: '99408',
} as const;

export const RATE_LIMIT = { limit: 12, windowMs: 10_000 };
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** The longest a write on the slow payer is held waiting for a contender, in real time. */
export const HOLD_CAP_MS = 5_000;
export const MAX_JSON_BYTES = 64 * 1024;
