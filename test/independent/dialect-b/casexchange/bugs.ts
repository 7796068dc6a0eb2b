import type { SeededBug } from '../kit/bugs.js';

export const bugs = [
  {
    id: 'casexchange.missing-key-forbidden',
    vendor: 'casexchange',
    rule: 'Missing X-API-Key header',
    breaks: 'A request without X-API-Key is answered 403 permission_denied instead of 401 invalid_api_key.',
  },
  {
    id: 'casexchange.malformed-uuid-accepted',
    vendor: 'casexchange',
    rule: 'Invalid UUIDs or malformed dates',
    breaks:
      'A referral whose targetFirmId is not a UUID is created (201) instead of answering validation_error.',
  },
  {
    id: 'casexchange.malformed-date-server-error',
    vendor: 'casexchange',
    rule: 'Invalid UUIDs or malformed dates',
    breaks:
      'A case whose incidentDate is not a date crashes with 500 internal_error instead of 400 validation_error.',
  },
  {
    id: 'casexchange.rate-limit-no-reset',
    vendor: 'casexchange',
    rule: 'Read the X-RateLimit-Reset header to determine when the limit resets.',
    breaks: 'The 429 answer leaves out X-RateLimit-Reset.',
  },
  {
    id: 'casexchange.rate-limit-no-request-id',
    vendor: 'casexchange',
    rule: 'All error responses share this shape:',
    breaks: "The 429 body's meta has no requestId.",
  },
  {
    id: 'casexchange.read-only-write-permission-denied',
    vendor: 'casexchange',
    rule: 'API key tier is insufficient for the operation (e.g., a read_only key attempting a POST)',
    breaks: 'A read_only key attempting a write gets code permission_denied instead of insufficient_tier.',
  },
  {
    id: 'casexchange.revoked-key-accepted',
    vendor: 'casexchange',
    rule: 'Invalid or revoked API key',
    breaks: 'A revoked key still authenticates instead of answering 401 invalid_api_key.',
  },
  {
    id: 'casexchange.state-transition-conflict',
    vendor: 'casexchange',
    rule: 'Invalid case state transition (for example, trying to re-refer a non-terminal referral)',
    breaks: 'A status change the current state does not allow answers 409 conflict instead of 400.',
  },
  {
    id: 'casexchange.duplicate-referral-accepted',
    vendor: 'casexchange',
    rule: 'Existing active referral to the same target firm',
    breaks:
      'A second active referral of a case to the same firm is created instead of answering 409 conflict.',
  },
] as const satisfies readonly SeededBug[];

export type CaseXchangeBugId = (typeof bugs)[number]['id'];
