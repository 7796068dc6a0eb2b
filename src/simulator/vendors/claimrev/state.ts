import type { ModelContext } from '../../types.js';

/** The records ClaimRev's model keeps, and the fixed values of its token endpoint. */

export type Permission = 'eligibility' | 'claim_status' | 'search' | 'claims_write';
export interface Client {
  secret: string;
  accountNumbers: readonly string[];
  permissions: readonly Permission[];
}
export interface Token {
  clientId: string;
  expiresAt: number;
  environment: 'test' | 'production';
}
export interface Claim {
  claimId: string;
  accountNumber: string;
  status: string;
  payerId: string;
}
export interface State {
  tokens: Map<string, Token>;
  claims: Map<string, Claim>;
}

export type Ctx = ModelContext<State>;

export const TOKEN_PATH = '/oauth2/v2.0/token';
export const SCOPE = 'https://claimrev-test.invalid/api/.default';
export const TOKEN_LIFETIME_SECONDS = 3600;
export const MAX_TOKENS = 10_000;
