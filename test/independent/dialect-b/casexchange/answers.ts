import { type Answer, jsonAnswer } from '../kit/answer.js';

/** CaseXchange's documented codes and the status each one travels with. */
export const CASEXCHANGE_CODES = {
  invalid_api_key: 401,
  insufficient_tier: 403,
  permission_denied: 403,
  validation_error: 400,
  invalid_state_transition: 400,
  resource_not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal_error: 500,
  bad_gateway: 502,
  service_unavailable: 503,
} as const;

export type CaseXchangeCode = keyof typeof CASEXCHANGE_CODES;

export interface FieldIssue {
  field: string;
  issue: string;
}

/** Per request: the id and time every answer's meta (and X-Request-Id header) carries. */
export interface RequestMeta {
  requestId: string;
  nowMs: number;
}

export function errorAnswer(
  meta: RequestMeta,
  code: CaseXchangeCode,
  message: string,
  details?: FieldIssue[],
): Answer {
  return jsonAnswer(
    CASEXCHANGE_CODES[code],
    {
      error: { code, message, ...(details === undefined ? {} : { details }) },
      meta: { requestId: meta.requestId, timestamp: new Date(meta.nowMs).toISOString() },
    },
    { 'x-request-id': meta.requestId },
  );
}

export function validationError(meta: RequestMeta, details: FieldIssue[]): Answer {
  return errorAnswer(meta, 'validation_error', 'Request validation failed', details);
}

export function dataAnswer(
  meta: RequestMeta,
  status: number,
  data: unknown,
  headers: Record<string, string> = {},
): Answer {
  return jsonAnswer(
    status,
    { data, meta: { requestId: meta.requestId, timestamp: new Date(meta.nowMs).toISOString() } },
    { 'x-request-id': meta.requestId, ...headers },
  );
}
