import { fact } from '../data.js';
import type { CredentialRole, Scenario, ScenarioRequest, StatusScenario, VendorScenarios } from '../types.js';

const token = (title: string, form: string, code: string): Scenario => ({
  code,
  how: 'natural',
  title,
  schema: 'tokenError',
  request: {
    method: 'POST',
    operation: 'token',
    role: 'none',
    raw: { contentType: 'application/x-www-form-urlencoded', text: form },
  },
});
const scenarios: Scenario[] = [
  token(
    'a wrong client secret',
    'grant_type=client_credentials&client_id={{valid.clientId}}&client_secret=not-the-secret&scope={{valid.scope}}',
    'invalid_client',
  ),
  token(
    'a scope of another environment',
    'grant_type=client_credentials&client_id={{valid.clientId}}&client_secret={{valid.clientSecret}}&scope=https%3A%2F%2Fclaimrev.invalid%2Fapi%2F.default',
    'invalid_scope',
  ),
  token(
    'an unsupported grant type',
    'grant_type=password&client_id={{valid.clientId}}&client_secret={{valid.clientSecret}}&scope={{valid.scope}}',
    'invalid_grant',
  ),
];
const eligibility = {
  accountNumber: fact('accountNumber'),
  payerId: fact('payerId'),
  memberId: fact('memberId'),
  dateOfService: '2026-01-15',
};
const checkEligibility = (role: CredentialRole | 'none', json: unknown = eligibility): ScenarioRequest => ({
  method: 'POST',
  operation: 'eligibility',
  role,
  json,
});
const answers = (
  status: number,
  title: string,
  request: ScenarioRequest,
  path?: StatusScenario['path'],
): StatusScenario => ({
  status,
  how: 'natural',
  title,
  request,
  ...(path ? { path } : {}),
});
const missingClaim = {
  operation: 'claim',
  params: { id: fact('staleId') },
  query: `accountNumber=${fact('accountNumber')}`,
} as const;
const statusScenarios: StatusScenario[] = [
  answers(
    400,
    'an eligibility check without memberId',
    checkEligibility('valid', { ...eligibility, memberId: undefined }),
  ),
  answers(401, 'an expired token', checkEligibility('expired')),
  answers(401, 'no token at all', checkEligibility('none')),
  // "401 ... token is missing, malformed, expired, or for the wrong environment."
  answers(401, 'a malformed bearer token', {
    ...checkEligibility('none'),
    headers: { Authorization: 'Bearer not a token' },
  }),
  answers(401, 'a token of another environment', {
    ...checkEligibility('none'),
    headers: { Authorization: `Bearer ${fact('productionToken')}` },
  }),
  answers(403, 'a client without the eligibility permission', checkEligibility('readOnly'), 'forbidden_tier'),
  answers(
    403,
    'a client not bound to the account',
    checkEligibility('otherOrganisation'),
    'forbidden_ownership',
  ),
  answers(404, 'a claim that does not exist', { method: 'GET', ...missingClaim }),
  answers(404, 'deleting a claim that does not exist', { method: 'DELETE', ...missingClaim }),
  {
    status: 500,
    how: 'fault',
    title: 'a server failure answered with an HTML page',
    request: {
      method: 'POST',
      operation: 'claimSearch',
      json: { accountNumber: fact('accountNumber') },
      headers: { 'X-Simulator-Fault': 'status=500' },
    },
  },
];

export const claimrev: VendorScenarios = {
  vendorId: 'claimrev',
  operations: {
    token: {
      about: 'the OAuth 2.0 token endpoint; left out, the valid role’s tokenUrl',
      path: '/oauth2/v2.0/token',
      fromValidClient: 'tokenUrl',
    },
    eligibility: { about: 'an eligibility check (POST)', path: '/api/v1/eligibility' },
    claim: { about: 'read (GET) or delete (DELETE) claim {id}', path: '/api/v1/claims/{id}' },
    claimSearch: { about: 'search claims (POST)', path: '/api/v1/claims/search' },
  },
  facts: {
    accountNumber: { about: 'the account the valid client is bound to' },
    payerId: { about: 'a payer id an eligibility check accepts' },
    memberId: { about: 'a member id an eligibility check accepts' },
    claimId: { about: 'a claim of accountNumber the valid client may read' },
    staleId: { about: 'a claim id that does not exist', default: 'CLM-0-{{unique}}' },
    productionToken: { about: 'an access token of another environment (production), for the valid client' },
  },
  scenarios,
  statusScenarios,
  behaviour: {
    // A GET, because ClaimRev's other reads are POSTs, which a client must not repeat.
    read: {
      method: 'GET',
      operation: 'claim',
      params: { id: fact('claimId') },
      query: `accountNumber=${fact('accountNumber')}`,
    },
    // ClaimRev honours no idempotency key; the write is what a client must never repeat blindly.
    // Not the eligibility POST: that only reads, and the retry policy lets it be repeated.
    create: {
      request: {
        method: 'DELETE',
        operation: 'claim',
        params: { id: fact('claimId') },
        query: `accountNumber=${fact('accountNumber')}`,
      },
    },
    refresh: { kind: 'token_lifetime', role: 'valid' },
  },
};
