import { exhaust, fact, natural, viaFault } from '../data.js';
import type { NamedScenario, Scenario, ScenarioRequest, VendorScenarios } from '../types.js';

const firmsMe = { operation: 'firm' } as const;
const newCase = (more: Partial<ScenarioRequest> = {}): ScenarioRequest => ({
  operation: 'cases',
  body: {},
  ...more,
});

const documentedScenarios: Scenario[] = [
  natural('invalid_api_key', 'a revoked key is refused', { ...firmsMe, role: 'revoked' }),
  natural('insufficient_tier', 'a read_only key cannot create a case', newCase({ role: 'readOnly' })),
  natural('permission_denied', "another firm's case is off limits", {
    operation: 'case',
    params: { id: fact('otherOrganisationCaseId') },
  }),
  natural(
    'validation_error',
    'a case without a field the API requires',
    newCase({ body: { omit: [fact('requiredField')] } }),
  ),
  natural('invalid_state_transition', 'a pending referral cannot be re-referred', {
    operation: 'reRefer',
    params: { id: fact('activeReferralId') },
    body: {},
  }),
  natural('resource_not_found', 'a stale case id is not found', {
    operation: 'case',
    params: { id: fact('staleId') },
  }),
  natural('conflict', 'a second active referral to the same firm conflicts', {
    operation: 'referrals',
    body: {},
  }),
  natural(
    'rate_limited',
    'a key over its per-minute quota is limited',
    { ...firmsMe, role: 'rateLimited' },
    exhaust({ ...firmsMe, role: 'rateLimited' }, 2),
  ),
  viaFault('internal_error', 'an unexpected server failure', firmsMe),
];

/** Further documented ways a code comes back, each with the doc line that names it. */
const moreScenarios: NamedScenario[] = [
  {
    ...natural('invalid_api_key', 'a request without X-API-Key is refused', { ...firmsMe, role: 'none' }),
    name: 'missing_key',
    quote: 'Missing X-API-Key header',
  },
  {
    ...natural('validation_error', 'a body field that must be a UUID, given a malformed one', {
      operation: 'referrals',
      body: { set: { [fact('uuidField')]: 'not-a-uuid' } },
    }),
    name: 'malformed_uuid',
    quote: 'Invalid UUIDs or malformed dates',
  },
  {
    ...natural(
      'validation_error',
      'a body field that must be a date, given a malformed one',
      newCase({ body: { set: { [fact('dateField')]: '31/12/2026' } } }),
    ),
    name: 'malformed_date',
    quote: 'Invalid UUIDs or malformed dates',
  },
];

export const scenarios: VendorScenarios = {
  vendorId: 'casexchange',
  operations: {
    firm: {
      about: 'the caller’s firm and key tier (documented as GET /firms/me)',
      method: 'GET',
      path: '/firms/me',
    },
    cases: {
      about: 'create a case, with a body that succeeds',
      method: 'POST',
      path: '/cases',
      body: { clientName: 'Test Client', caseType: 'personal_injury' },
      idPointer: '/id',
    },
    case: { about: 'read case {id}', method: 'GET', path: '{{operations.cases}}/{id}' },
    referrals: {
      about: 'refer caseId to referredFirmId (a second active referral conflicts)',
      method: 'POST',
      path: '/referrals',
      body: { caseId: fact('caseId'), targetFirmId: fact('referredFirmId') },
    },
    reRefer: {
      about: 're-refer referral {id}',
      method: 'POST',
      path: '{{operations.referrals}}/{id}/re-refer',
      body: { targetFirmId: fact('referredFirmId') },
    },
  },
  facts: {
    caseId: { about: 'a case of the valid key’s firm with an active referral to referredFirmId' },
    activeReferralId: { about: 'that active (pending or accepted) referral' },
    referredFirmId: { about: 'the firm that referral went to' },
    otherOrganisationCaseId: { about: 'a case of another firm' },
    staleId: { about: 'a case id that does not exist', default: '{{uuid}}' },
    dateField: {
      about: 'a date field of the case body (the docs name none); a check spoils it',
    },
    uuidField: {
      about: 'a field of the referrals body that must be a UUID (the docs name none); a check spoils it',
    },
    requiredField: {
      about:
        'a field of the case body the API requires (the docs name none); the validation check leaves it out',
    },
  },
  scenarios: documentedScenarios,
  moreScenarios,
  behaviour: {
    read: firmsMe,
    create: { request: newCase() },
  },
  preflight: firmsMe,
};
