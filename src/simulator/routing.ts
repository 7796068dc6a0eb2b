import type { ModelContext, SimRequest, SimResponse, StandardFailure } from './types.js';

export type RouteParams = Readonly<Record<string, string>>;
export type RouteHandler<S> = (
  request: SimRequest,
  context: ModelContext<S>,
  params: RouteParams,
) => SimResponse | Promise<SimResponse>;

export interface Route<S> {
  method: string;
  segments: readonly string[];
  /**
   * Each segment's param name (`:id` gives `id`), undefined for a literal segment. Taken off once
   * here: a name sliced per request was a new string to hash as the params object's key.
   */
  paramNames: readonly (string | undefined)[];
  handler: RouteHandler<S>;
}

/** A route such as `GET /v1/claims/:id`; `:name` segments become params. */
export function route<S>(method: string, pattern: string, handler: RouteHandler<S>): Route<S> {
  const segments = pattern.split('/').filter(Boolean);
  const paramNames = segments.map((segment) => (segment.startsWith(':') ? segment.slice(1) : undefined));
  return { method, segments, paramNames, handler };
}

export type RouteMatch<S> = { handler: RouteHandler<S>; params: RouteParams } | undefined;

/** The route for a request, or undefined when no route has this method and path. */
export function matchRoute<S>(routes: readonly Route<S>[], method: string, path: string): RouteMatch<S> {
  let parts: readonly string[] | undefined;
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    parts ??= pathParts(path);
    const params = paramsOf(candidate, parts);
    if (params) return { handler: candidate.handler, params };
  }
  return undefined;
}

const NO_PARAMS: RouteParams = Object.freeze({});

/**
 * The path's non-empty parts ("/v1//claims/" is "v1", "claims"), cut once per request. Walking the
 * path text for each candidate route cost more: a route is then rejected by its part count or by
 * comparing whole parts, and the text (often a slice of the request target) is not searched again.
 */
function pathParts(path: string): string[] {
  const parts = path.split('/');
  let kept = 0;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as string;
    if (part !== '') parts[kept++] = part;
  }
  parts.length = kept;
  return parts;
}

/** The params when the path's parts fit the route's segments, or undefined. */
function paramsOf<S>({ segments, paramNames }: Route<S>, parts: readonly string[]): RouteParams | undefined {
  if (parts.length !== segments.length) return undefined;
  let params: Record<string, string> | undefined;
  for (let index = 0; index < segments.length; index++) {
    const part = parts[index] as string;
    const name = paramNames[index];
    if (name !== undefined) {
      params ??= {};
      params[name] = safeDecode(part);
    } else if (part !== segments[index]) {
      return undefined;
    }
  }
  return params ?? NO_PARAMS;
}

function safeDecode(part: string): string {
  // Most ids need no decoding; decodeURIComponent and its try block are skipped for them.
  if (!part.includes('%')) return part;
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export type JsonBody =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; failure: StandardFailure; detail: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The request body as a JSON object, or the standard failure that describes why it is not one:
 * a content type that is not JSON, bytes that do not parse, or JSON that is not an object.
 */
export function readJsonObject(request: SimRequest): JsonBody {
  const contentType = request.headers['content-type'] ?? '';
  if (request.body.length === 0) return { ok: true, value: {} };
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType.trim())) {
    return {
      ok: false,
      failure: 'unsupported_media_type',
      detail: `expected a JSON body, got ${contentType || 'no content type'}`,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8.decode(request.body));
  } catch {
    return { ok: false, failure: 'malformed_json', detail: 'the body is not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, failure: 'malformed_json', detail: 'the body must be a JSON object' };
  }
  return { ok: true, value: parsed as Record<string, unknown> };
}

/** The body as text, for form-encoded and multipart bodies. */
export function bodyText(request: SimRequest): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(request.body);
}

/** Tells a finished response from a found resource, for lookups that return either. */
export function isResponse(value: unknown): value is SimResponse {
  return (
    typeof value === 'object' && value !== null && 'status' in value && 'body' in value && 'headers' in value
  );
}

/** A found resource answered with `status`, or the error the lookup already produced. */
export function okOr<S>(context: ModelContext<S>, found: unknown, status = 200): SimResponse {
  return isResponse(found) ? found : context.json(status, found);
}

/** A route handler that runs after a vendor's guard has identified the caller. */
export type GuardedHandler<S, C> = (
  request: SimRequest,
  context: ModelContext<S>,
  params: RouteParams,
  caller: C,
) => SimResponse;

export type FailureHandler<S> = (
  kind: StandardFailure,
  context: ModelContext<S>,
  detail: string,
) => SimResponse;

/** Runs `then` with the JSON object body, or answers the body's problem in the vendor's shape. */
export function withJsonBody<S>(
  request: SimRequest,
  context: ModelContext<S>,
  failure: FailureHandler<S>,
  then: (body: Record<string, unknown>) => SimResponse,
): SimResponse {
  const body = readJsonObject(request);
  return body.ok ? then(body.value) : failure(body.failure, context, body.detail);
}

/** Dispatches to the matching route, or answers the vendor's unknown-route failure. */
export function dispatch<S>(
  routes: readonly Route<S>[],
  request: SimRequest,
  context: ModelContext<S>,
  failure: FailureHandler<S>,
): SimResponse | Promise<SimResponse> {
  const match = matchRoute(routes, request.method, request.path);
  if (!match) return failure('unknown_route', context, `${request.method} ${request.path}`);
  return match.handler(request, context, match.params);
}
