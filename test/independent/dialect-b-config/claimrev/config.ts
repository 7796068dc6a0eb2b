import type { DialectDirectory } from '../../dialect-b/types.js';
import { bare, credentialOf, type DialectBVendorConfig, type Fact } from '../write.js';

/**
 * The config a user of dialect B's ClaimRev writes from its reference (`dialect-b/claimrev/README.md`)
 * alone: the suite's operations with this dialect's methods, paths, example bodies and id pointers;
 * its records and field names as facts; its credentials by role; its failing requests as overrides.
 */
export async function writeConfig(d: DialectDirectory): Promise<DialectBVendorConfig> {
  const account = '/api/v1/accounts/{{facts.accountNumber}}';
  const broken = String(d.facts.brokenClaimId);
  return {
    baseUrl: d.baseUrl,
    credentials: {
      valid: credentialOf(d.credentials.mainClient),
      readOnly: credentialOf(d.credentials.limitedClient),
      expired: credentialOf(d.credentials.expiredToken),
    },
    operations: {
      eligibility: {
        method: 'POST',
        path: `${account}/eligibility`,
        body: { memberId: 'W123456789', payerId: '62308', dateOfService: '2026-04-02' },
      },
      claim: { method: 'GET', path: `${account}/claims/{id}` },
      deleteClaim: { method: 'DELETE', path: `${account}/claims/{id}` },
    },
    facts: {
      accountNumber: d.facts.accountNumber as Fact,
      otherAccountNumber: d.facts.otherAccountNumber as Fact,
      claimId: d.facts.claimId as Fact,
      staleId: d.facts.deletedClaimId as Fact,
      requiredField: 'memberId',
      otherEnvironmentScope: encodeURIComponent(credentialOf(d.credentials.productionClient).scope ?? ''),
      productionToken: bare(d.credentials.productionToken),
    },
    checks: {
      'status.500.1': {
        request: {
          method: 'GET',
          path: `/api/v1/accounts/${String(d.facts.accountNumber)}/claims/${broken}`,
        },
      },
    },
  };
}
