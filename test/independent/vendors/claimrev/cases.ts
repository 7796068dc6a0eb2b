/**
 * What ClaimRev's page promises, as cases this implementation is played against (see
 * `../../cases.ts`); each names the seeded bugs that change its answer.
 */
import type { DocumentedCase, RequestIdOn } from '../../cases.js';
import type { BugId } from './bugs.js';

export const cases: readonly DocumentedCase<BugId>[] = [
  {
    title: 'an eligibility check without memberId',
    call: {
      operation: 'checkEligibility',
      json: {
        accountNumber: '{{facts.accountNumber}}',
        payerId: '{{facts.payerId}}',
        dateOfService: '{{facts.dateOfService}}',
      },
    },
    expect: { status: 400 },
  },
  {
    title: 'an expired token',
    call: { operation: 'searchClaims', role: 'expired', json: { accountNumber: '{{facts.accountNumber}}' } },
    expect: { status: 401 },
  },
  {
    title: 'a token of another environment',
    call: { operation: 'searchClaims', role: 'revoked', json: { accountNumber: '{{facts.accountNumber}}' } },
    expect: { status: 401 },
    bugs: ['claimrev.other-environment-token-accepted'],
  },
  {
    title: 'a malformed bearer token',
    call: {
      operation: 'searchClaims',
      role: 'none',
      headers: { Authorization: 'Bearer not a token' },
      json: { accountNumber: '{{facts.accountNumber}}' },
    },
    expect: { status: 401 },
    bugs: ['claimrev.malformed-token-400'],
  },
  {
    title: 'no token at all',
    call: { operation: 'searchClaims', role: 'none', json: { accountNumber: '{{facts.accountNumber}}' } },
    expect: { status: 401 },
    bugs: ['claimrev.missing-token-accepted'],
  },
  {
    title: 'a client without the eligibility permission',
    call: {
      operation: 'checkEligibility',
      role: 'readOnly',
      json: {
        accountNumber: '{{facts.accountNumber}}',
        payerId: '{{facts.payerId}}',
        memberId: '{{facts.memberId}}',
        dateOfService: '{{facts.dateOfService}}',
      },
    },
    expect: { status: 403 },
  },
  {
    title: 'a client not bound to the account',
    call: {
      operation: 'getClaim',
      role: 'otherOrganisation',
      query: { accountNumber: '{{facts.accountNumber}}' },
    },
    expect: { status: 403 },
    bugs: ['claimrev.unbound-account-404'],
  },
  {
    title: 'a claim that does not exist',
    call: {
      operation: 'getClaim',
      params: { claimId: '{{facts.unknownClaimId}}' },
      query: { accountNumber: '{{facts.accountNumber}}' },
    },
    expect: { status: 404 },
  },
  {
    title: 'deleting a claim that does not exist',
    call: {
      operation: 'deleteClaim',
      params: { claimId: '{{facts.unknownClaimId}}' },
      query: { accountNumber: '{{facts.accountNumber}}' },
    },
    expect: { status: 404 },
  },
  {
    title: 'an eligibility check for the always-failing payer',
    call: {
      operation: 'checkEligibility',
      json: {
        accountNumber: '{{facts.accountNumber}}',
        payerId: '{{facts.failingPayerId}}',
        memberId: '{{facts.memberId}}',
        dateOfService: '{{facts.dateOfService}}',
      },
    },
    expect: { status: 500 },
  },
  {
    title: 'the claim reads back',
    call: { operation: 'getClaim', query: { accountNumber: '{{facts.accountNumber}}' } },
    expect: { status: 200 },
  },
  {
    title: 'a token is issued for an hour',
    call: { operation: 'requestToken', role: 'none', raw: tokenForm({}) },
    expect: { status: 200 },
    bugs: ['claimrev.token-lifetime-two-hours'],
  },
  {
    title: 'a wrong client secret at the token endpoint',
    call: { operation: 'requestToken', role: 'none', raw: tokenForm({ client_secret: 'wrong' }) },
    expect: { status: 400, code: 'invalid_client' },
    bugs: ['claimrev.token-error-code-renamed'],
  },
  {
    title: 'a scope of another environment',
    call: {
      operation: 'requestToken',
      role: 'none',
      raw: tokenForm({ scope: '{{facts.otherEnvironmentScope}}' }),
    },
    expect: { status: 400, code: 'invalid_scope' },
    bugs: ['claimrev.token-error-code-renamed'],
  },
  {
    title: 'an unsupported grant type',
    call: { operation: 'requestToken', role: 'none', raw: tokenForm({ grant_type: 'password' }) },
    expect: { status: 400, code: 'invalid_grant' },
    bugs: ['claimrev.token-error-code-renamed'],
  },
];

/** A client-credentials form; the client id and secret come from facts the test adds. */
function tokenForm(change: Record<string, string>) {
  const fields = {
    grant_type: 'client_credentials',
    client_id: '{{facts.clientId}}',
    client_secret: '{{facts.clientSecret}}',
    scope: '{{facts.scope}}',
    ...change,
  };
  const text = Object.entries(fields)
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return { contentType: 'application/x-www-form-urlencoded', text };
}

/** Which error answers carry a request id here: none of its error answers carries a request id. */
export const requestIdOn: RequestIdOn = 'none';
