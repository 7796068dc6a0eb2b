import type { CollateBehaviourBug, CollateBug } from './bugs.js';
import type { ApiKey, Catalog } from './seed.js';
import type { CollateStore } from './state.js';

/** What one handler sees: the caller's key, the path parameters, the parsed body, and the sandbox. */

export interface Sandbox {
  store: CollateStore;
  catalog: Catalog;
  now: () => number;
  bugs: readonly CollateBug[];
}

export interface Call {
  sandbox: Sandbox;
  key: ApiKey;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** The JSON body ({} when empty) for JSON operations; the raw bytes for uploads. */
  json: unknown;
  bytes: Buffer;
  contentType: string;
}

export function hasBehaviourBug(sandbox: Sandbox, behaviour: CollateBehaviourBug): boolean {
  return sandbox.bugs.some((bug) => bug.behaviour === behaviour);
}

export function headerValue(call: Call, name: string): string | undefined {
  const value = call.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** An integer path id; anything else is NaN, which no record has, so it reads as unknown. */
export function idParam(call: Call, name: string): number {
  const raw = call.params[name] ?? '';
  return /^\d{1,12}$/.test(raw) ? Number(raw) : Number.NaN;
}
