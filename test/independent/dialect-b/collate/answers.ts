import type { ServerResponse } from 'node:http';
import type { CollateBug } from './bugs.js';
import { type CollateError, ERROR_STATUS, isRetryable } from './errors.js';
import { sendJson } from './http.js';

/** Error envelopes (with the active answer bugs applied) and success answers, each carrying the request id. */

export function sendError(
  res: ServerResponse,
  requestId: string,
  error: CollateError,
  bugs: readonly CollateBug[],
): void {
  let code = error.code;
  let status: number = ERROR_STATUS[code];
  let issues = error.issues;
  const dropped = new Set<string>();
  for (const bug of bugs) {
    const deviation = bug.answer;
    if (!deviation || (deviation.code !== undefined && deviation.code !== error.code)) continue;
    if (deviation.asCode) {
      code = deviation.asCode;
      status = ERROR_STATUS[code];
    }
    if (deviation.status !== undefined) status = deviation.status;
    if (deviation.dropIssues) issues = [];
    if (deviation.dropMember) dropped.add(deviation.dropMember);
  }
  const envelope: Record<string, unknown> = {
    code,
    message: error.message,
    retryable: isRetryable(error.code),
    details: error.details,
    issues,
  };
  if (dropped.has('retryable')) delete envelope.retryable;
  const body: Record<string, unknown> = { error: envelope };
  if (!dropped.has('requestId')) body.requestId = requestId;
  sendJson(res, status, body, { 'X-Request-Id': requestId, ...error.headers });
}

export interface Success {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function sendSuccess(res: ServerResponse, requestId: string, success: Success): void {
  sendJson(res, success.status, success.body, { 'X-Request-Id': requestId, ...(success.headers ?? {}) });
}
