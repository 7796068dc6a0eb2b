import { credentialSent, fact } from '../data.js';
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
const documentedScenarios: Scenario[] = [
  token(
    'a wrong client secret',
    'grant_type=client_credentials&client_id={{valid.clientId}}&client_secret=not-the-secret&scope={{valid.scope}}',
    'invalid_client',
  ),
  token(
    'a scope of another environment',
    'grant_type=client_credentials&client_id={{valid.clientId}}&client_secret={{valid.clientSecret}}&scope={{facts.otherEnvironmentScope}}',
    'invalid_scope',
  ),
  token(
    'an unsupported grant type',
    'grant_type=password&client_id={{valid.clientId}}&client_secret={{valid.clientSecret}}&scope={{valid.scope}}',
    'invalid_grant',
  ),
];
const checkEligibility = (
  role: CredentialRole | 'none',
  body: ScenarioRequest['body'] = {},
  headers?: Record<string, string>,
): ScenarioRequest => ({ operation: 'eligibility', role, body, ...(headers ? { headers } : {}) });
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
const missingClaim = { params: { id: fact('staleId') } } as const;
const statusScenarios: StatusScenario[] = [
  answers(
    400,
    'an eligibility check without a field the API requires',
    checkEligibility('valid', { omit: [fact('requiredField')] }),
  ),
  answers(401, 'an expired token', checkEligibility('expired')),
  answers(401, 'no token at all', checkEligibility('none')),
  // "401 ... token is missing, malformed, expired, or for the wrong environment."
  // Spaces are outside RFC 6750's b64token alphabet: no server can take this for a token.
  answers(
    401,
    'a malformed bearer token',
    checkEligibility('none', {}, credentialSent('claimrev', 'not a token')),
    'unauthenticated',
  ),
  answers(
    401,
    'a token of another environment',
    checkEligibility('none', {}, credentialSent('claimrev', fact('productionToken'))),
    'unauthenticated',
  ),
  answers(403, 'a client without the eligibility permission', checkEligibility('readOnly'), 'forbidden_tier'),
  answers(
    403,
    'an account the client is not bound to',
    checkEligibility('valid', { withFacts: { accountNumber: fact('otherAccountNumber') } }),
    'forbidden_ownership',
  ),
  answers(404, 'a claim that does not exist', { operation: 'claim', ...missingClaim }),
  answers(404, 'deleting a claim that does not exist', { operation: 'deleteClaim', ...missingClaim }),
  {
    status: 500,
    how: 'fault',
    title: 'a server failure answered with an HTML page',
    request: {
      operation: 'claimSearch',
      body: {},
      headers: { 'X-Simulator-Fault': 'status=500' },
    },
  },
];

export const scenarios: VendorScenarios = {
  vendorId: 'claimrev',
  operations: {
    token: {
      about: 'the OAuth 2.0 token endpoint; left out, the valid role’s tokenUrl',
      method: 'POST',
      path: '/oauth2/v2.0/token',
      contentType: 'application/x-www-form-urlencoded',
      fromValidClient: 'tokenUrl',
    },
    eligibility: {
      about: 'an eligibility check, with a body that succeeds for the valid client',
      method: 'POST',
      path: '/api/v1/eligibility',
      body: {
        accountNumber: fact('accountNumber'),
        payerId: fact('payerId'),
        memberId: fact('memberId'),
        dateOfService: '2026-01-15',
      },
    },
    claim: {
      about: 'read claim {id} of the valid client’s account',
      method: 'GET',
      path: `/api/v1/claims/{id}?accountNumber=${fact('accountNumber')}`,
    },
    deleteClaim: { about: 'delete claim {id}', method: 'DELETE', path: '{{operations.claim}}' },
    claimSearch: {
      about: 'search claims',
      method: 'POST',
      path: '/api/v1/claims/search',
      body: { accountNumber: fact('accountNumber') },
    },
  },
  facts: {
    accountNumber: { about: 'the account the valid client is bound to' },
    otherAccountNumber: { about: 'an account the valid client is not bound to' },
    payerId: { about: 'a payer id an eligibility check accepts' },
    memberId: { about: 'a member id an eligibility check accepts' },
    requiredField: {
      about:
        'a field of the eligibility body the API requires (the docs name none); the 400 check leaves it out',
    },
    claimId: { about: 'a claim of accountNumber the valid client may read' },
    staleId: { about: 'a claim id that does not exist', default: 'CLM-0-{{unique}}' },
    otherEnvironmentScope: {
      about: 'the scope of another environment (production), URL-encoded as a form value',
      default: 'https%3A%2F%2Fclaimrev.invalid%2Fapi%2F.default',
    },
    productionToken: { about: 'an access token of another environment (production), for the valid client' },
  },
  scenarios: documentedScenarios,
  statusScenarios,
  behaviour: {
    // A GET, because ClaimRev's other reads are POSTs, which a client must not repeat.
    read: { operation: 'claim', params: { id: fact('claimId') } },
    // ClaimRev honours no idempotency key; the write is what a client must never repeat blindly.
    // Not the eligibility POST: that only reads, and the retry policy lets it be repeated.
    create: { request: { operation: 'deleteClaim', params: { id: fact('claimId') } } },
    refresh: { kind: 'token_lifetime', role: 'valid' },
  },
  preflight: { operation: 'claim', params: { id: fact('claimId') } },
};
