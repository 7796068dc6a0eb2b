import type { SeededBug } from '../kit/bugs.js';

export const bugs = [
  {
    id: 'denialbase.validation-empty-details',
    vendor: 'denialbase',
    rule: 'validation_failed422One or more fields invalid. details populated.',
    breaks: 'validation_failed answers carry an empty details array.',
  },
  {
    id: 'denialbase.rate-limit-no-retry-after',
    vendor: 'denialbase',
    rule: 'rate_limited429Too many requests. Retry-After header set.',
    breaks: 'The 429 answer leaves out Retry-After.',
  },
  {
    id: 'denialbase.rate-limit-no-request-id',
    vendor: 'denialbase',
    rule: 'request_id — include when reporting issues to support.',
    breaks: 'The 429 envelope has no request_id.',
  },
  {
    id: 'denialbase.two-factor-unauthorized',
    vendor: 'denialbase',
    rule: 'two_factor_required402Sign-in needs 2FA completion.',
    breaks:
      'A sign-in that needs its second factor is answered with status 401 (code still two_factor_required).',
  },
  {
    id: 'denialbase.retry-processed-again',
    vendor: 'denialbase',
    rule: 'If the request times out and you retry with the same key, Denialbase returns the result of the original attempt — not a duplicate upload.',
    breaks:
      'A retry with the same Idempotency-Key and the same request is processed again: a second upload is stored.',
  },
  {
    id: 'denialbase.file-too-large-unprocessable',
    vendor: 'denialbase',
    rule: 'file_too_large413Upload exceeds 50 MB.',
    breaks:
      'An upload over the limit is answered with status 422 instead of 413 (code still file_too_large).',
  },
  {
    id: 'denialbase.signed-out-session-accepted',
    vendor: 'denialbase',
    rule: 'not_authenticated401No valid session.',
    breaks: 'A session cookie that was signed out still authenticates.',
  },
  {
    id: 'denialbase.stale-update-overwrites',
    vendor: 'denialbase',
    rule: '409 ConflictState conflict (e.g. duplicate, stale update)Refetch, reconcile',
    breaks: 'An update carrying an old lock_version overwrites the record instead of answering 409 conflict.',
  },
  {
    id: 'denialbase.virus-accepted',
    vendor: 'denialbase',
    rule: 'virus_detected422Uploaded file failed virus scan. Will not be processed.',
    breaks: 'An upload carrying the test virus signature is stored (201).',
  },
] as const satisfies readonly SeededBug[];

export type DenialbaseBugId = (typeof bugs)[number]['id'];
