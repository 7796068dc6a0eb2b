import type { HttpMethod } from '../types.js';

/**
 * A route table: `{name}` segments capture path parameters. Matching tells an unknown path apart
 * from a known path called with the wrong method, since vendors answer those differently.
 */
export interface Route<Handler> {
  method: HttpMethod;
  pattern: string;
  handler: Handler;
}

export type RouteMatch<Handler> =
  | { kind: 'found'; handler: Handler; params: Record<string, string> }
  | { kind: 'wrongMethod' }
  | { kind: 'noRoute' };

export function matchRoute<Handler>(
  routes: readonly Route<Handler>[],
  method: string,
  pathname: string,
): RouteMatch<Handler> {
  let pathKnown = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, pathname);
    if (params === undefined) continue;
    if (route.method === method) return { kind: 'found', handler: route.handler, params };
    pathKnown = true;
  }
  return pathKnown ? { kind: 'wrongMethod' } : { kind: 'noRoute' };
}

function matchPattern(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = got[index] ?? '';
    if (segment.startsWith('{') && segment.endsWith('}')) {
      if (actual === '') return undefined;
      params[segment.slice(1, -1)] = decodeURIComponent(actual);
    } else if (segment !== actual) {
      return undefined;
    }
  }
  return params;
}
