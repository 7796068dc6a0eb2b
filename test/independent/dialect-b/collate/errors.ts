/**
 * Collate's documented error codes with their statuses, and the typed error the routes throw.
 * Messages are this sandbox's own wording; codes and statuses are the doc's.
 */

export const ERROR_STATUS = {
  bad_request: 400,
  final_submission_policy_required: 400,
  unauthorized: 401,
  forbidden: 403,
  insufficient_permissions: 403,
  prior_authorization_not_found: 404,
  provider_not_found: 404,
  payer_not_found: 404,
  file_not_found: 404,
  access_grant_expired: 404,
  access_grant_revoked: 404,
  channel_session_lost: 404,
  unsupported_route: 409,
  provider_access_not_configured: 409,
  idempotency_key_reused: 409,
  version_conflict: 409,
  prior_authorization_not_mutable: 409,
  prior_authorization_not_actionable: 409,
  prior_authorization_terminal: 409,
  next_action_required: 409,
  next_action_not_confirmable: 409,
  requirements_not_satisfied: 409,
  review_stale: 409,
  file_not_ready: 409,
  file_not_usable: 409,
  manual_handoff_not_allowed: 409,
  manual_handoff_not_active: 409,
  manual_handoff_already_closed: 409,
  manual_handoff_review_approval_required: 409,
  live_session_not_available: 409,
  interactive_grant_not_allowed: 409,
  payload_too_large: 413,
  request_validation_failed: 422,
  invalid_answers: 422,
  invalid_file_content: 422,
  workflow_backend_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One field-specific problem, as listed in `error.issues`. */
export interface Issue {
  field: string;
  problem: string;
  message: string;
}

/** Only a backend outage is worth retrying unchanged; everything else needs a different request. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['workflow_backend_unavailable']);

export function isRetryable(code: ErrorCode): boolean {
  return RETRYABLE.has(code);
}

export class CollateError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly issues: Issue[];
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { details?: Record<string, unknown>; issues?: Issue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.code = code;
    this.details = extra.details ?? {};
    this.issues = extra.issues ?? [];
    this.headers = extra.headers ?? {};
  }
}
