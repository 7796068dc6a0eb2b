import { type Answer, jsonAnswer } from '../kit/answer.js';
import { freshUuid } from '../kit/ids.js';

/**
 * ClaimRev's answers differ by layer, as its doc warns: the identity provider speaks OAuth errors,
 * the gateway speaks `{ statusCode, message }`, validation speaks problem details with an `errors`
 * map, and the resource handlers speak `{ message }`.
 */

export type OAuthError = 'invalid_client' | 'invalid_scope' | 'invalid_grant';

const OAUTH_STATUS: Record<OAuthError, number> = {
  invalid_client: 401,
  invalid_scope: 400,
  invalid_grant: 400,
};

export function oauthError(error: OAuthError, description: string, now: number): Answer {
  return jsonAnswer(
    OAUTH_STATUS[error],
    {
      error,
      error_description: description,
      correlation_id: freshUuid(),
      timestamp: new Date(now).toISOString(),
    },
    { 'cache-control': 'no-store' },
  );
}

export function unauthorized(message: string): Answer {
  return jsonAnswer(
    401,
    { statusCode: 401, message },
    { 'www-authenticate': 'Bearer realm="claimrev", error="invalid_token"' },
  );
}

export function forbidden(message: string): Answer {
  return jsonAnswer(403, { message });
}

export function notFound(message: string): Answer {
  return jsonAnswer(404, { message });
}

export function serverError(now: number): Answer {
  return jsonAnswer(500, {
    message: 'An unexpected error occurred.',
    timestamp: new Date(now).toISOString(),
  });
}

/** A 400 naming each failing field, unless a seeded bug strips the names. */
export function validationProblem(errors: Record<string, string[]>, namesFields: boolean): Answer {
  const problem = {
    type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
    title: 'One or more validation errors occurred.',
    status: 400,
  };
  return jsonAnswer(400, namesFields ? { ...problem, errors } : problem, {
    'content-type': 'application/problem+json; charset=utf-8',
  });
}
