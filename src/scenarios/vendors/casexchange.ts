import { exhaust, fact, natural, viaFault } from '../data.js';
import type { NamedScenario, Scenario, VendorScenarios } from '../types.js';

const firmsMe = { method: 'GET', operation: 'firm' } as const;
const newCase = { clientName: 'Test Client', caseType: 'personal_injury' };

const scenarios: Scenario[] = [
  natural('invalid_api_key', 'a revoked key is refused', { ...firmsMe, role: 'revoked' }),
  natural('insufficient_tier', 'a read_only key cannot create a case', {
    method: 'POST',
    operation: 'cases',
    role: 'readOnly',
    json: newCase,
  }),
  natural('permission_denied', "another firm's case is off limits", {
    method: 'GET',
    operation: 'case',
    params: { id: fact('otherOrganisationCaseId') },
  }),
  natural('validation_error', 'a case without clientName is invalid', {
    method: 'POST',
    operation: 'cases',
    json: { caseType: 'personal_injury' },
  }),
  natural('invalid_state_transition', 'a pending referral cannot be re-referred', {
    method: 'POST',
    operation: 'reRefer',
    params: { id: fact('activeReferralId') },
    json: { targetFirmId: fact('referredFirmId') },
  }),
  natural('resource_not_found', 'a stale case id is not found', {
    method: 'GET',
    operation: 'case',
    params: { id: fact('staleId') },
  }),
  natural('conflict', 'a second active referral to the same firm conflicts', {
    method: 'POST',
    operation: 'referrals',
    json: { caseId: fact('caseId'), targetFirmId: fact('referredFirmId') },
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
    ...natural('invalid_api_key', 'a request without X-API-Key', { ...firmsMe, role: 'none' }),
    name: 'missing_key',
    quote: 'Missing X-API-Key header',
  },
  {
    ...natural('validation_error', 'a referral whose target firm id is not a UUID', {
      method: 'POST',
      operation: 'referrals',
      json: { caseId: fact('caseId'), targetFirmId: 'not-a-uuid' },
    }),
    name: 'malformed_uuid',
    quote: 'Invalid UUIDs or malformed dates',
  },
];

export const casexchange: VendorScenarios = {
  vendorId: 'casexchange',
  operations: {
    firm: { about: 'the caller’s firm and key tier (GET; documented as /firms/me)', path: '/firms/me' },
    cases: { about: 'create a case (POST)', path: '/cases' },
    case: { about: 'read case {id}', path: '{{operations.cases}}/{id}' },
    referrals: { about: 'create a referral (POST)', path: '/referrals' },
    reRefer: { about: 're-refer referral {id} (POST)', path: '{{operations.referrals}}/{id}/re-refer' },
  },
  facts: {
    caseId: { about: 'a case of the valid key’s firm with an active referral to referredFirmId' },
    activeReferralId: { about: 'that active (pending or accepted) referral' },
    referredFirmId: { about: 'the firm that referral went to' },
    otherOrganisationCaseId: { about: 'a case of another firm' },
    staleId: { about: 'a case id that does not exist', default: '{{uuid}}' },
  },
  scenarios,
  moreScenarios,
  behaviour: {
    read: firmsMe,
    create: { request: { method: 'POST', operation: 'cases', json: newCase } },
  },
};
