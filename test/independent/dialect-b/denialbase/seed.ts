import { randomInt } from 'node:crypto';
import { createIntegerIds, freshSecret } from '../kit/ids.js';
import type { Denial, DenialbaseState, Session, User } from './state.js';
import { SESSION_IDLE_MS } from './state.js';

export type UserName = 'analyst' | 'viewer' | 'otherOrgAnalyst' | 'twoFactorUser';

export interface DenialbaseSeed {
  state: DenialbaseState;
  users: Record<UserName, User>;
  sessions: Record<'signedOut' | 'lapsed' | 'awaitingSecondFactor', Session>;
  facts: Record<string, string | number>;
}

export function seedDenialbase(nowMs: number): DenialbaseSeed {
  const nextId = createIntegerIds();
  const orgId = nextId();
  const otherOrgId = nextId();
  const user = (login: string, change: Partial<User> = {}): User => ({
    id: nextId(),
    login: `${login}.${freshSecret('', 3)}@sandbox.denialbase.test`,
    secret: freshSecret('pw-', 12),
    orgId,
    role: 'analyst',
    twoFactor: false,
    ...change,
  });
  const users: Record<UserName, User> = {
    analyst: user('analyst'),
    viewer: user('viewer', { role: 'viewer' }),
    otherOrgAnalyst: user('analyst', { orgId: otherOrgId }),
    twoFactorUser: user('mfa', { twoFactor: true }),
  };
  const session = (owner: User, change: Partial<Session>): Session => ({
    token: freshSecret('', 24),
    userId: owner.id,
    awaitingSecondFactor: false,
    signedOut: false,
    lastSeenMs: nowMs,
    ...change,
  });
  const sessions = {
    signedOut: session(users.analyst, { signedOut: true }),
    lapsed: session(users.analyst, { lastSeenMs: nowMs - SESSION_IDLE_MS - 60_000 }),
    awaitingSecondFactor: session(users.twoFactorUser, { awaitingSecondFactor: true }),
  };
  const denials = new Map<number, Denial>();
  const addDenial = (owner: number, change: Partial<Denial> = {}): number => {
    const id = nextId();
    denials.set(id, {
      id,
      orgId: owner,
      claim_number: `CLM-${id}`,
      denial_type: 'medical_necessity',
      amount_cents: 93_000,
      denied_on: '2026-02-11',
      status: 'open',
      lock_version: 3,
      ...change,
    });
    return id;
  };
  const denialId = addDenial(orgId);
  return {
    state: {
      users: Object.values(users),
      sessions: new Map(Object.values(sessions).map((entry) => [entry.token, entry])),
      denials,
      documents: new Map(),
      twoFactorCode: String(randomInt(100_000, 1_000_000)),
      nextId,
    },
    users,
    sessions,
    facts: {
      denialId,
      denialLockVersion: 3,
      staleLockVersion: 2,
      existingClaimNumber: `CLM-${denialId}`,
      otherOrgDenialId: addDenial(otherOrgId),
      mergedDenialId: addDenial(orgId, { mergedInto: denialId }),
      brokenDenialId: addDenial(orgId, { failure: 'internal_error' }),
      badGatewayDenialId: addDenial(orgId, { failure: 'bad_gateway' }),
      unavailableDenialId: addDenial(orgId, { failure: 'service_unavailable' }),
      gatewayTimeoutDenialId: addDenial(orgId, { failure: 'gateway_timeout' }),
      unknownDenialId: nextId() + 1_000_000,
    },
  };
}
