import type { DialectCredential, DialectDirectory } from '../types.js';
import type { ClaimRevSeed } from './seed.js';
import {
  FAILING_MEMBER_ID,
  type RegisteredClient,
  SCOPES,
  TENANT_PATHS,
  TOKEN_LIFETIME_SECONDS,
} from './state.js';
import type { TokenMint } from './tokens.js';

const CLAIM_BODY = {
  patientControlNumber: 'PCN-0001',
  payerId: '62308',
  billedAmount: 240.75,
  serviceDate: '2026-04-02',
};
const ELIGIBILITY_BODY = { memberId: 'W123456789', payerId: '62308', dateOfService: '2026-04-02' };

export function describeClaimRev(
  baseUrl: string,
  seed: ClaimRevSeed,
  mint: TokenMint,
  nowMs: number,
): DialectDirectory {
  const oauth = (client: RegisteredClient, body: 'form' | 'basic' = 'form'): DialectCredential => ({
    kind: 'oauthClient',
    tokenUrl: `${baseUrl}${TENANT_PATHS[client.env]}`,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    scope: SCOPES[client.env],
    body,
  });
  const bearer = (token: string): DialectCredential => ({
    kind: 'header',
    header: 'Authorization',
    value: `Bearer ${token}`,
  });
  const iat = Math.floor(nowMs / 1000);
  const accountPath = '/api/v1/accounts/{accountNumber}';
  return {
    baseUrl,
    operations: {
      submitClaim: {
        method: 'POST',
        path: `${accountPath}/claims`,
        body: CLAIM_BODY,
        contentType: 'application/json',
        idPointer: '/claim/claimId',
        summary: 'Submit a professional claim for an account.',
      },
      getClaim: {
        method: 'GET',
        path: `${accountPath}/claims/{claimId}`,
        summary: 'Read one submitted claim.',
      },
      deleteClaim: {
        method: 'DELETE',
        path: `${accountPath}/claims/{claimId}`,
        summary: 'Withdraw a submitted claim; it is gone afterwards.',
      },
      checkEligibility: {
        method: 'POST',
        path: `${accountPath}/eligibility`,
        body: ELIGIBILITY_BODY,
        contentType: 'application/json',
        idPointer: '/eligibility/inquiryId',
        summary: "Ask whether a member's coverage is active on a date.",
      },
    },
    credentials: {
      mainClient: oauth(seed.main),
      mainClientBasic: oauth(seed.main, 'basic'),
      limitedClient: oauth(seed.limited),
      productionClient: oauth(seed.production),
      expiredToken: bearer(
        mint.issue({
          env: 'sandbox',
          clientId: seed.main.clientId,
          scope: SCOPES.sandbox,
          iat: iat - 7200,
          exp: iat - 3600,
        }),
      ),
      productionToken: bearer(
        mint.issue({
          env: 'production',
          clientId: seed.production.clientId,
          scope: SCOPES.production,
          iat,
          exp: iat + TOKEN_LIFETIME_SECONDS,
        }),
      ),
      malformedToken: bearer('not-a-token'),
    },
    facts: {
      accountNumber: seed.accountNumber,
      otherAccountNumber: seed.otherAccountNumber,
      claimId: seed.claimId,
      deletedClaimId: seed.deletedClaimId,
      otherAccountClaimId: seed.otherAccountClaimId,
      brokenClaimId: seed.brokenClaimId,
      failingMemberId: FAILING_MEMBER_ID,
    },
    failing: [
      {
        operation: 'getClaim',
        params: { accountNumber: seed.accountNumber, claimId: seed.brokenClaimId },
        provokes: 'server error',
        status: 500,
      },
      {
        operation: 'checkEligibility',
        params: { accountNumber: seed.accountNumber },
        body: { ...ELIGIBILITY_BODY, memberId: FAILING_MEMBER_ID },
        provokes: 'server error',
        status: 500,
      },
    ],
    limits: { tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS, maxJsonBodyBytes: 64 * 1024 },
  };
}
