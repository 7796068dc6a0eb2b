import type { Environment } from './tokens.js';

export type Permission = 'claims.read' | 'claims.submit' | 'eligibility.check';

export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  env: Environment;
  accountNumber: string;
  permissions: ReadonlySet<Permission>;
}

export interface Claim {
  claimId: number;
  accountNumber: string;
  patientControlNumber: string;
  payerId: string;
  billedAmount: number;
  serviceDate: string;
  status: 'accepted' | 'deleted';
  /** A sandbox record whose reads always fail on the vendor side. */
  broken?: true;
}

export interface ClaimRevState {
  clients: RegisteredClient[];
  accounts: string[];
  claims: Map<number, Claim>;
  nextId: () => number;
}

export const SCOPES: Record<Environment, string> = {
  sandbox: 'https://claimrevsandbox.onmicrosoft.com/claims-api/.default',
  production: 'https://claimrevprod.onmicrosoft.com/claims-api/.default',
};

export const TENANT_PATHS: Record<Environment, string> = {
  sandbox: '/claimrevsandbox.onmicrosoft.com/oauth2/v2.0/token',
  production: '/claimrevprod.onmicrosoft.com/oauth2/v2.0/token',
};

export const TOKEN_LIFETIME_SECONDS = 3600;
/** Member ids of the eligibility check that the sandbox always fails on its side. */
export const FAILING_MEMBER_ID = 'SBX-FAIL-500';
