import type { SeededBug } from '../kit/bugs.js';

export const bugs = [
  {
    id: 'foresight.missing-field-no-param',
    vendor: 'foresight',
    rule: 'missing_required_field | A required field was absent. param indicates which. |',
    breaks: 'missing_required_field errors come without param.',
  },
  {
    id: 'foresight.forbidden-scope-unauthorized',
    vendor: 'foresight',
    rule: '403 | The key is valid but lacks scope or organization access. Do not retry without permission changes. |',
    breaks: 'A key that lacks the scope gets status 401 instead of 403 (the code stays forbidden_scope).',
  },
  {
    id: 'foresight.rate-limit-no-retry-after',
    vendor: 'foresight',
    rule: '429 | Wait Retry-After seconds, then retry. See Rate limits. |',
    breaks: 'The 429 answer leaves out Retry-After.',
  },
  {
    id: 'foresight.rate-limit-no-request-id',
    vendor: 'foresight',
    rule: 'requestId | Echoed in logs and metrics. Include this in any support ticket. |',
    breaks: 'The 429 envelope has no requestId.',
  },
  {
    id: 'foresight.expired-key-invalid',
    vendor: 'foresight',
    rule: 'expired_api_key | Key passed its expiration date. |',
    breaks: 'A key past its expiry is answered invalid_api_key instead of expired_api_key.',
  },
  {
    id: 'foresight.mismatched-body-replayed',
    vendor: 'foresight',
    rule: 'idempotency_key_mismatched_body | Same key, different request body. Use a fresh key. |',
    breaks: 'A reused key with a different body gets the first answer replayed instead of 409.',
  },
  {
    id: 'foresight.in-flight-key-processed',
    vendor: 'foresight',
    rule: 'idempotency_key_in_use | An identical key is mid-flight. Wait and retry. |',
    breaks: 'A request whose key is still in flight is processed a second time instead of answering 409.',
  },
  {
    id: 'foresight.deleted-as-not-found',
    vendor: 'foresight',
    rule: 'resource_deleted | Resource exists but has been soft-deleted. |',
    breaks: 'A soft-deleted record is answered resource_not_found instead of resource_deleted.',
  },
  {
    id: 'foresight.fractional-cents-type-error',
    vendor: 'foresight',
    rule: 'invalid_currency_amount | Monetary value wasn’t an integer (cents). |',
    breaks:
      'An amount that is not whole cents is answered invalid_field_type instead of invalid_currency_amount.',
  },
] as const satisfies readonly SeededBug[];

export type ForesightBugId = (typeof bugs)[number]['id'];
