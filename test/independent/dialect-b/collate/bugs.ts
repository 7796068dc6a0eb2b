import type { ErrorCode } from './errors.js';

/**
 * Seeded one-rule bugs. Most change how one error is answered (`answer`); two change a behaviour
 * the routes consult by id (`behaviour`). Each breaks exactly one rule of the doc, quoted verbatim.
 */

export interface AnswerDeviation {
  /** The code whose answers change; absent: every error answer. */
  code?: ErrorCode;
  status?: number;
  asCode?: ErrorCode;
  dropIssues?: boolean;
  dropMember?: 'requestId' | 'retryable';
}

export type CollateBehaviourBug = 'replayCreatesSecondAuthorization' | 'malformedIfMatchIgnored';

export interface CollateBug {
  id: string;
  vendor: 'collate';
  rule: string;
  breaks: string;
  answer?: AnswerDeviation;
  behaviour?: CollateBehaviourBug;
}

const VALIDATION_RULE =
  '422request_validation_failed, invalid_answers, invalid_file_contentFix the field-specific validation issues.';

export const bugs: readonly CollateBug[] = [
  {
    id: 'collate.validation-without-issues',
    vendor: 'collate',
    rule: VALIDATION_RULE,
    breaks: 'request_validation_failed comes with an empty issues list, so the bad fields are not named.',
    answer: { code: 'request_validation_failed', dropIssues: true },
  },
  {
    id: 'collate.invalid-answers-without-issues',
    vendor: 'collate',
    rule: VALIDATION_RULE,
    breaks: 'invalid_answers comes with an empty issues list, so the bad answers are not named.',
    answer: { code: 'invalid_answers', dropIssues: true },
  },
  {
    id: 'collate.envelope-without-request-id',
    vendor: 'collate',
    rule: 'Use error.code for recovery logic. Use requestId when contacting support.',
    breaks: 'Error bodies leave out the top-level requestId (the X-Request-Id header still carries it).',
    answer: { dropMember: 'requestId' },
  },
  {
    id: 'collate.review-stale-as-400',
    vendor: 'collate',
    rule: '409review_staleRe-read the authorization and approve the current submission.reviewSnapshot.',
    breaks: 'Confirming with an outdated review snapshot answers 400 instead of 409.',
    answer: { code: 'review_stale', status: 400 },
  },
  {
    id: 'collate.replay-creates-second-authorization',
    vendor: 'collate',
    rule: '409idempotency_key_reusedUse a new create idempotency key or resend the exact original body.',
    breaks:
      'Resending the exact original body under the same key creates a new authorization instead of replaying the first answer.',
    behaviour: 'replayCreatesSecondAuthorization',
  },
  {
    id: 'collate.malformed-if-match-ignored',
    vendor: 'collate',
    rule: '400bad_requestFix malformed headers or request shape. A common cause is invalid If-Match.',
    breaks: 'A malformed If-Match header is ignored and the write goes through.',
    behaviour: 'malformedIfMatchIgnored',
  },
  {
    id: 'collate.terminal-as-not-mutable',
    vendor: 'collate',
    rule: '409prior_authorization_terminalThe authorization is terminal. Future writes are rejected.',
    breaks:
      'Writes to a terminal authorization answer prior_authorization_not_mutable instead of prior_authorization_terminal.',
    answer: { code: 'prior_authorization_terminal', asCode: 'prior_authorization_not_mutable' },
  },
  {
    id: 'collate.read-only-key-unauthorized',
    vendor: 'collate',
    rule: '403forbidden, insufficient_permissionsUse a key with access to the selected environment and organization.',
    breaks:
      'A read-only key attempting a write gets 401 unauthorized instead of 403 insufficient_permissions.',
    answer: { code: 'insufficient_permissions', asCode: 'unauthorized', status: 401 },
  },
  {
    id: 'collate.payload-too-large-as-400',
    vendor: 'collate',
    rule: '413payload_too_largeUpload a smaller file.',
    breaks: 'An oversize body answers 400 instead of 413.',
    answer: { code: 'payload_too_large', status: 400 },
  },
  {
    id: 'collate.backend-unavailable-as-500',
    vendor: 'collate',
    rule: '503workflow_backend_unavailableRetry later. The orchestration backend is unavailable.',
    breaks: 'The failing record answers 500 instead of 503.',
    answer: { code: 'workflow_backend_unavailable', status: 500 },
  },
  {
    id: 'collate.envelope-without-retryable',
    vendor: 'collate',
    rule: 'Every typed error uses a single envelope.',
    breaks: 'Error bodies leave out error.retryable.',
    answer: { dropMember: 'retryable' },
  },
];

/**
 * The Collate bugs switched on. Other vendors' ids are theirs to judge; an unknown `collate.` id
 * is a typo that would silently test nothing, so it is refused.
 */
export function activeCollateBugs(enabled: ReadonlySet<string>): readonly CollateBug[] {
  const known = new Set(bugs.map((bug) => bug.id));
  const unknown = [...enabled].filter((id) => id.startsWith('collate.') && !known.has(id));
  if (unknown.length > 0) {
    throw new Error(`Unknown Collate bug ids: ${unknown.join(', ')}. Known: ${[...known].join(', ')}.`);
  }
  return bugs.filter((bug) => enabled.has(bug.id));
}
