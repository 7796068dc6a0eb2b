import { createIntegerIds, freshSecret, freshUuid } from '../kit/ids.js';
import type { Claim, ClaimRevState, Permission, RegisteredClient } from './state.js';

export interface ClaimRevSeed {
  state: ClaimRevState;
  main: RegisteredClient;
  limited: RegisteredClient;
  production: RegisteredClient;
  accountNumber: string;
  otherAccountNumber: string;
  claimId: number;
  deletedClaimId: number;
  otherAccountClaimId: number;
  brokenClaimId: number;
}

const ALL: Permission[] = ['claims.read', 'claims.submit', 'eligibility.check'];

export function seedClaimRev(): ClaimRevSeed {
  const nextId = createIntegerIds();
  const accountNumber = String(100_000 + Math.floor(Math.random() * 800_000));
  const otherAccountNumber = String(Number(accountNumber) + 7);
  const client = (env: 'sandbox' | 'production', permissions: Permission[]): RegisteredClient => ({
    clientId: freshUuid(),
    clientSecret: freshSecret('crs~', 20),
    env,
    accountNumber,
    permissions: new Set(permissions),
  });
  const main = client('sandbox', ALL);
  const limited = client('sandbox', ['claims.read']);
  // The same integration registered in the production tenant: its tokens are real, just not for here.
  const production = { ...client('production', ALL), clientId: main.clientId };
  const claims = new Map<number, Claim>();
  const add = (accountNumber: string, extra: Partial<Claim> = {}): number => {
    const claimId = nextId();
    claims.set(claimId, {
      claimId,
      accountNumber,
      patientControlNumber: `PCN${claimId}`,
      payerId: '62308',
      billedAmount: 125.5,
      serviceDate: '2026-05-04',
      status: 'accepted',
      ...extra,
    });
    return claimId;
  };
  return {
    state: {
      clients: [main, limited, production],
      accounts: [accountNumber, otherAccountNumber],
      claims,
      nextId,
    },
    main,
    limited,
    production,
    accountNumber,
    otherAccountNumber,
    claimId: add(accountNumber),
    deletedClaimId: add(accountNumber, { status: 'deleted' }),
    otherAccountClaimId: add(otherAccountNumber),
    brokenClaimId: add(accountNumber, { broken: true }),
  };
}
