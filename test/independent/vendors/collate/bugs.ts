import type { VendorBugs } from '../../bugs.js';

/**
 * Collate's seeded one-rule bugs (the shape is in `../../bugs.ts`): each breaks one documented
 * promise and names the checks whose failure catches it.
 */
export const bugs = {
  'collate.error-code-missing': {
    rule: 'envelope member',
    breaks: 'Error bodies carry no error.code (the code moves to error.type).',
    caughtBy: ['code.*'],
  },
  'collate.review-stale-400': {
    rule: 'status',
    breaks: 'review_stale comes back with 400 instead of 409.',
    caughtBy: ['code.review_stale'],
  },
  'collate.replay-creates-duplicate': {
    rule: 'idempotency',
    breaks: 'A create repeated with its key and exact body makes a second authorization.',
    caughtBy: ['sequence.idempotency_replay'],
  },
  'collate.request-id-missing': {
    rule: 'request id',
    breaks: 'Error bodies carry no requestId.',
    caughtBy: ['code.*'],
  },
  'collate.validation-issues-empty': {
    rule: 'field issues',
    breaks: 'request_validation_failed and invalid_answers come with an empty issues list.',
    caughtBy: ['code.request_validation_failed', 'code.invalid_answers'],
    onlyCaughtThere: true,
  },
} as const satisfies VendorBugs;

export type BugId = keyof typeof bugs;
