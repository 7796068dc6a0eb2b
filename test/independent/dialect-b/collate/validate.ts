import { CollateError, type Issue } from './errors.js';

/** Small field checks that collect issues instead of stopping at the first one. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path, or undefined when any step is missing. */
export function at(body: unknown, path: string): unknown {
  let value: unknown = body;
  for (const step of path.split('.')) {
    if (!isObject(value)) return undefined;
    value = value[step];
  }
  return value;
}

export class IssueList {
  readonly issues: Issue[] = [];

  add(field: string, problem: string, message: string): void {
    this.issues.push({ field, problem, message });
  }

  /** A required string matching a pattern (when given). */
  text(body: unknown, field: string, pattern?: RegExp, hint?: string): void {
    const value = at(body, field);
    if (value === undefined || value === null || value === '') {
      this.add(field, 'required', `${field} is required.`);
    } else if (typeof value !== 'string') {
      this.add(field, 'expected_string', `${field} must be a string.`);
    } else if (pattern && !pattern.test(value)) {
      this.add(field, 'invalid_format', `${field} must be ${hint ?? 'well formed'}.`);
    }
  }

  oneOf(body: unknown, field: string, allowed: readonly string[]): void {
    const value = at(body, field);
    if (value === undefined || value === null) {
      this.add(field, 'required', `${field} is required.`);
    } else if (typeof value !== 'string' || !allowed.includes(value)) {
      this.add(field, 'not_allowed', `${field} must be one of ${allowed.join(', ')}.`);
    }
  }

  throwIfAny(): void {
    if (this.issues.length === 0) return;
    throw new CollateError('request_validation_failed', 'Some fields are missing or invalid.', {
      issues: this.issues,
    });
  }
}

export function requireObjectBody(body: unknown): JsonObject {
  if (!isObject(body)) {
    throw new CollateError('bad_request', 'The request body must be a JSON object.');
  }
  return body;
}
