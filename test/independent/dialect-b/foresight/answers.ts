import { type Answer, jsonAnswer } from '../kit/answer.js';

/** Foresight's documented codes, with the type and status each one travels with. */
export const FORESIGHT_CODES = {
  missing_api_key: ['authentication_error', 401],
  invalid_api_key: ['authentication_error', 401],
  expired_api_key: ['authentication_error', 401],
  forbidden_scope: ['permission_error', 403],
  organization_mismatch: ['permission_error', 403],
  missing_required_field: ['validation_error', 400],
  invalid_field_type: ['validation_error', 400],
  invalid_enum_value: ['validation_error', 400],
  invalid_uuid_format: ['validation_error', 400],
  invalid_date_format: ['validation_error', 400],
  invalid_currency_amount: ['validation_error', 400],
  field_value_too_long: ['validation_error', 400],
  cross_field_constraint: ['validation_error', 400],
  resource_not_found: ['not_found_error', 404],
  resource_already_exists: ['conflict_error', 409],
  resource_deleted: ['not_found_error', 404],
  idempotency_key_in_use: ['conflict_error', 409],
  idempotency_key_mismatched_body: ['conflict_error', 409],
  rate_limit_exceeded: ['rate_limit_error', 429],
  payer_unavailable: ['payer_error', 502],
  payer_invalid_response: ['payer_error', 502],
  payer_rejected: ['payer_error', 422],
  internal_error: ['server_error', 500],
  service_unavailable: ['server_error', 503],
} as const;

export type ForesightCode = keyof typeof FORESIGHT_CODES;

export interface ForesightError {
  code: ForesightCode;
  message: string;
  param?: string;
}

const DOCS = 'https://docs.have-foresight.app/guides/errors';

export function errorAnswer(
  requestId: string,
  error: ForesightError,
  headers: Record<string, string> = {},
): Answer {
  const [type, status] = FORESIGHT_CODES[error.code];
  return jsonAnswer(
    status,
    {
      error: {
        type,
        code: error.code,
        message: error.message,
        ...(error.param === undefined ? {} : { param: error.param }),
        requestId,
        docsUrl: `${DOCS}#${error.code}`,
      },
    },
    { 'x-request-id': requestId, ...headers },
  );
}
