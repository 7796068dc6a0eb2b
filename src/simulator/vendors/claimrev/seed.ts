import { policyCredential } from '../../policy-credential.js';
import type { VendorCredentials } from '../../types.js';
import { type Client, type Permission, SCOPE, type State, TOKEN_PATH } from './state.js';

/** The clients, tokens and claims a fresh ClaimRev model starts with, and the roles they give. */

const ALL: Permission[] = ['eligibility', 'claim_status', 'search', 'claims_write'];
export const CLIENTS: Record<string, Client> = {
  'crv-test-client-full': { secret: 'crv-secret-full-5Yt1', accountNumbers: ['1001'], permissions: ALL },
  'crv-test-client-limited': {
    secret: 'crv-secret-limited-8Ub4',
    accountNumbers: ['1001'],
    permissions: ['claim_status', 'search'],
  },
  'crv-test-client-other': { secret: 'crv-secret-other-3Nc7', accountNumbers: ['2002'], permissions: ALL },
};
/** Tokens seeded for the roles a fresh client-credentials grant cannot give. */
const EXPIRED_TOKEN = 'crv_at_expired_0000';
const PRODUCTION_TOKEN = 'crv_at_production_0000';

export function createState(now: number): State {
  return {
    tokens: new Map([
      [EXPIRED_TOKEN, { clientId: 'crv-test-client-full', expiresAt: now - 60_000, environment: 'test' }],
      [
        PRODUCTION_TOKEN,
        { clientId: 'crv-test-client-full', expiresAt: now + 3_600_000, environment: 'production' },
      ],
    ]),
    claims: new Map(
      [
        { claimId: 'CLM-1001-0001', accountNumber: '1001', status: 'accepted', payerId: '60054' },
        { claimId: 'CLM-1001-0002', accountNumber: '1001', status: 'pending', payerId: '87726' },
        { claimId: 'CLM-2002-0001', accountNumber: '2002', status: 'paid', payerId: '60054' },
      ].map((c) => [c.claimId, c]),
    ),
  };
}

export function claimrevCredentials(baseUrl: string): VendorCredentials {
  const client = (clientId: string) =>
    ({
      kind: 'oauthClient',
      clientId,
      clientSecret: CLIENTS[clientId]?.secret ?? '',
      scope: SCOPE,
      tokenUrl: `${baseUrl}${TOKEN_PATH}`,
    }) as const;
  return {
    vendorId: 'claimrev',
    roles: {
      valid: client('crv-test-client-full'),
      readOnly: client('crv-test-client-limited'),
      otherOrganisation: client('crv-test-client-other'),
      expired: policyCredential('claimrev', EXPIRED_TOKEN),
    },
    // Its token endpoint is a path on the same server; everything else is a reference path.
    operations: { token: { path: TOKEN_PATH } },
    facts: {
      accountNumber: '1001',
      payerId: '60054',
      memberId: 'M123456',
      claimId: 'CLM-1001-0001',
      staleId: 'CLM-1001-9999',
      otherAccountNumber: '2002',
      productionToken: PRODUCTION_TOKEN,
      requiredField: 'memberId',
    },
  };
}
