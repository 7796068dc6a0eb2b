import type { VendorCredentials } from '../../../scenarios/types.js';
import { COOKIE, type Denial, HOUR, type Session, type State, type User } from './state.js';

/** The seeded state: users of two organisations, a session per role a check needs, and a denial in each. */

const ORG_A = 'org_a1';
const ORG_B = 'org_b2';
/** Seeded sessions outlive long virtual-clock runs (a 24-hour idempotency window, say). */
const SEEDED_SESSION_LIFETIME_MS = 30 * 24 * HOUR;
const DENIAL_A = 'dn_8QW2'; // seeded ids are short and stable so checks can name them
const DENIAL_B = 'dn_3KX9';

export const USERS: Record<string, User> = {
  'avery@clinic-a.test': {
    email: 'avery@clinic-a.test',
    password: 'correct-horse-1',
    orgId: ORG_A,
    role: 'admin',
    otp: null,
  },
  'blake@clinic-a.test': {
    email: 'blake@clinic-a.test',
    password: 'correct-horse-2',
    orgId: ORG_A,
    role: 'viewer',
    otp: null,
  },
  'casey@clinic-b.test': {
    email: 'casey@clinic-b.test',
    password: 'correct-horse-3',
    orgId: ORG_B,
    role: 'admin',
    otp: null,
  },
  'drew@clinic-a.test': {
    email: 'drew@clinic-a.test',
    password: 'correct-horse-4',
    orgId: ORG_A,
    role: 'member',
    otp: '246810',
  },
};

/** Seeded sessions, one per role a check needs. */
export const SEEDED_SESSIONS: Record<string, Omit<Session, 'expiresAt'> & { expiresInMs: number }> = {
  sess_valid_9f2k: {
    email: 'avery@clinic-a.test',
    secondFactorDone: true,
    limitPerMinute: 300,
    expiresInMs: SEEDED_SESSION_LIFETIME_MS,
  },
  sess_viewer_4m8q: {
    email: 'blake@clinic-a.test',
    secondFactorDone: true,
    limitPerMinute: 300,
    expiresInMs: SEEDED_SESSION_LIFETIME_MS,
  },
  sess_other_7c1z: {
    email: 'casey@clinic-b.test',
    secondFactorDone: true,
    limitPerMinute: 300,
    expiresInMs: SEEDED_SESSION_LIFETIME_MS,
  },
  sess_expired_2h5n: {
    email: 'avery@clinic-a.test',
    secondFactorDone: true,
    limitPerMinute: 300,
    expiresInMs: -HOUR,
  },
  sess_pending2fa_6r3t: {
    email: 'drew@clinic-a.test',
    secondFactorDone: false,
    limitPerMinute: 300,
    expiresInMs: SEEDED_SESSION_LIFETIME_MS,
  },
  sess_limited_8v4w: {
    email: 'avery@clinic-a.test',
    secondFactorDone: true,
    limitPerMinute: 2,
    expiresInMs: SEEDED_SESSION_LIFETIME_MS,
  },
};

export function createState(now: number): State {
  const denial = (id: string, org_id: string): [string, Denial] => [
    id,
    {
      id,
      org_id,
      claim_number: `CLM-${id}`,
      denial_type: 'coding',
      amount_cents: 48_000,
      status: 'open',
      lock_version: 1,
    },
  ];
  return {
    sessions: new Map(
      Object.entries(SEEDED_SESSIONS).map(([token, { expiresInMs, ...session }]) => [
        token,
        { ...session, expiresAt: now + expiresInMs },
      ]),
    ),
    denials: new Map([denial(DENIAL_A, ORG_A), denial(DENIAL_B, ORG_B)]),
    documents: new Map(),
  };
}

/** The sessions by role and the seeded facts the scenarios name, as `credentials()` hands them out. */
export function denialbaseCredentials(): VendorCredentials {
  const cookie = (token: string) =>
    ({ kind: 'header', header: 'Cookie', value: `${COOKIE}=${token}` }) as const;
  return {
    vendorId: 'denialbase',
    roles: {
      valid: cookie('sess_valid_9f2k'),
      readOnly: cookie('sess_viewer_4m8q'),
      otherOrganisation: cookie('sess_other_7c1z'),
      expired: cookie('sess_expired_2h5n'),
      // Signed out: the cookie names a session the server no longer holds.
      revoked: cookie('sess_signed_out_5p0x'),
      secondFactorPending: cookie('sess_pending2fa_6r3t'),
      rateLimited: cookie('sess_limited_8v4w'),
    },
    facts: {
      email: 'avery@clinic-a.test',
      password: 'correct-horse-1',
      twoFactorEmail: 'drew@clinic-a.test',
      twoFactorPassword: 'correct-horse-4',
      oneTimeCode: '246810',
      denialId: DENIAL_A,
      otherOrganisationDenialId: DENIAL_B,
      staleId: 'dn_gone',
      mutableField: 'amount_cents',
    },
  };
}
