import type { Incoming, Outgoing } from './http.js';

/**
 * A route table whose entries are also the directory a sandbox config is written from: each route
 * has an operation name, a method and a path template with `{name}` parameters.
 */
export interface Route<Ctx> {
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  template: string;
  handle(request: Incoming, params: Record<string, string>, context: Ctx): Outgoing | Promise<Outgoing>;
}

export interface OperationEntry {
  method: Route<unknown>['method'];
  /** The path after the base URL, parameters written `{name}`. */
  path: string;
}

function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = got[index] ?? '';
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name !== undefined) {
      if (actual === '') return undefined;
      params[name] = decodeURIComponent(actual);
    } else if (part !== actual) return undefined;
  }
  return params;
}

/** The route a request goes to, with its path parameters; undefined for a path and method no route has. */
export function findRoute<Ctx>(
  routes: readonly Route<Ctx>[],
  method: string,
  path: string,
): { route: Route<Ctx>; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const params = route.method === method ? matchTemplate(route.template, path) : undefined;
    if (params) return { route, params };
  }
  return undefined;
}

/** Operation name → method and path template, as a sandbox config's `operations` member holds it. */
export function operationsOf(routes: readonly Route<unknown>[]): Record<string, OperationEntry> {
  const out: Record<string, OperationEntry> = {};
  for (const route of routes) out[route.operation] = { method: route.method, path: route.template };
  return out;
}
