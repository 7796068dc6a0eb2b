import { type Answer, jsonAnswer } from '../kit/answer.js';

/** Denialbase's codes and their statuses; bad_request is this sandbox's name for a malformed 400. */
export const DENIALBASE_CODES = {
  bad_request: 400,
  not_authenticated: 401,
  two_factor_required: 402,
  not_authorized: 403,
  not_found: 404,
  conflict: 409,
  file_too_large: 413,
  validation_failed: 422,
  virus_detected: 422,
  rate_limited: 429,
  internal_error: 500,
  bad_gateway: 502,
  service_unavailable: 503,
  gateway_timeout: 504,
} as const;

export type DenialbaseCode = keyof typeof DENIALBASE_CODES;

export interface FieldDetail {
  field: string;
  message: string;
}

export function errorAnswer(
  requestId: string,
  code: DenialbaseCode,
  message: string,
  details?: FieldDetail[],
  headers: Record<string, string> = {},
): Answer {
  return jsonAnswer(
    DENIALBASE_CODES[code],
    { error: { code, message, ...(details === undefined ? {} : { details }), request_id: requestId } },
    { 'x-request-id': requestId, ...headers },
  );
}

export function okAnswer(
  requestId: string,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Answer {
  return jsonAnswer(status, value, { 'x-request-id': requestId, ...headers });
}

/** A 422 naming each failing field; a seeded bug can empty the list. */
export function validationFailed(requestId: string, details: FieldDetail[], emptyDetails: boolean): Answer {
  return errorAnswer(
    requestId,
    'validation_failed',
    'One or more fields failed validation.',
    emptyDetails ? [] : details,
  );
}
