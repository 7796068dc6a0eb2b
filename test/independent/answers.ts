import type { Answer } from './call.js';

/** The body as JSON, or undefined when it is not JSON. */
export function bodyOf(answer: Answer): unknown {
  try {
    return JSON.parse(answer.body);
  } catch {
    return undefined;
  }
}

/** The code an answer names: an OAuth `error` string, or `error.code` in the vendors' envelopes. */
export function codeOf(answer: Answer): string | undefined {
  const error = (bodyOf(answer) as { error?: unknown } | undefined)?.error;
  if (typeof error === 'string') return error;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The request id wherever one of the envelopes puts it. */
export function requestIdOf(answer: Answer): string | undefined {
  const body = bodyOf(answer) as
    | {
        requestId?: unknown;
        meta?: { requestId?: unknown };
        error?: { requestId?: unknown; request_id?: unknown };
      }
    | undefined;
  const id = body?.requestId ?? body?.meta?.requestId ?? body?.error?.requestId ?? body?.error?.request_id;
  return typeof id === 'string' ? id : undefined;
}

/** Headers whose presence is part of a documented answer. */
const WATCHED = ['retry-after', 'x-ratelimit-reset', 'idempotent-replayed'];

/** What a case's answer is judged by, ids left out, so two runs of one case can be compared. */
export function signatureOf(answer: Answer): string {
  return JSON.stringify({
    status: answer.status,
    code: codeOf(answer) ?? null,
    requestId: requestIdOf(answer) !== undefined,
    headers: WATCHED.filter((name) => answer.headers[name] !== undefined),
    fieldDetails: hasFieldDetails(answer),
    expiresIn: (bodyOf(answer) as { expires_in?: unknown } | undefined)?.expires_in ?? null,
  });
}

/** Whether an error names fields at fault: a non-empty details or issues list, or a param. */
function hasFieldDetails(answer: Answer): boolean {
  const error = (bodyOf(answer) as { error?: unknown } | undefined)?.error;
  if (typeof error !== 'object' || error === null) return false;
  const { details, issues, param } = error as { details?: unknown; issues?: unknown; param?: unknown };
  const listed = (value: unknown) => Array.isArray(value) && value.length > 0;
  return listed(details) || listed(issues) || (typeof param === 'string' && param !== '');
}
