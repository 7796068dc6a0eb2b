import type { ServerResponse } from 'node:http';

/**
 * What a handler decides, before it is written. Handlers return answers instead of writing to the
 * response so that an answer can be stored and replayed (idempotency) and changed by a seeded bug
 * in one place.
 */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** Already serialised; empty for answers without a body. */
  body: string;
}

export function jsonAnswer(status: number, value: unknown, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

export function emptyAnswer(status: number, headers: Record<string, string> = {}): Answer {
  return { status, headers, body: '' };
}

export function withHeaders(answer: Answer, headers: Record<string, string>): Answer {
  return { ...answer, headers: { ...answer.headers, ...headers } };
}

export function withoutHeader(answer: Answer, name: string): Answer {
  const headers = { ...answer.headers };
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
  return { ...answer, headers };
}

export function writeAnswer(res: ServerResponse, answer: Answer): void {
  if (res.headersSent) return;
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-length': String(Buffer.byteLength(answer.body)),
  });
  res.end(answer.body);
}

/** Tells an answer apart from a record a lookup returns instead. */
export function isAnswer(value: object): value is Answer {
  return 'headers' in value && 'body' in value && 'status' in value && typeof value.status === 'number';
}

/** The same JSON answer without one member, e.g. `['error', 'requestId']`, for bugs that drop a member. */
export function withoutJsonMember(answer: Answer, path: readonly [string, string]): Answer {
  const body = JSON.parse(answer.body) as Record<string, Record<string, unknown> | undefined>;
  const [outer, inner] = path;
  const holder = body[outer];
  if (holder !== undefined) delete holder[inner];
  return { ...answer, body: JSON.stringify(body) };
}
