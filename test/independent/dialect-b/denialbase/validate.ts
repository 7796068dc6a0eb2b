import { isRecord } from '../kit/body.js';
import { isCalendarDate } from '../kit/ids.js';
import type { FieldDetail } from './answers.js';

/**
 * Denialbase bodies have one root object named after the resource (`{ "denial": { ... } }`), as
 * Rails-style APIs do. A body without that root is a malformed request (400); fields inside it are
 * validated and every failing one is reported (422).
 */
export type Rule = (value: unknown) => string | undefined;

export const rules = {
  pattern:
    (pattern: RegExp, description: string): Rule =>
    (value) =>
      typeof value === 'string' && pattern.test(value) ? undefined : `must be ${description}`,
  oneOf:
    (values: readonly string[]): Rule =>
    (value) =>
      typeof value === 'string' && values.includes(value) ? undefined : `must be one of ${values.join(', ')}`,
  wholeNumber: ((value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0
      ? undefined
      : 'must be a whole number') as Rule,
  date: ((value) => (isCalendarDate(value) ? undefined : 'must be a date as YYYY-MM-DD')) as Rule,
  email: ((value) =>
    typeof value === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)
      ? undefined
      : 'must be a valid email') as Rule,
  text: ((value) => (typeof value === 'string' && value !== '' ? undefined : 'must be filled in')) as Rule,
};

export type Spec = Record<string, { rule: Rule; required: boolean }>;

export type RootReading = { kind: 'fields'; fields: Record<string, unknown> } | { kind: 'malformed' };

export function readRoot(body: unknown, root: string): RootReading {
  if (!isRecord(body)) return { kind: 'malformed' };
  const fields = body[root];
  return isRecord(fields) ? { kind: 'fields', fields } : { kind: 'malformed' };
}

export function fieldDetails(fields: Record<string, unknown>, spec: Spec): FieldDetail[] {
  const details: FieldDetail[] = [];
  for (const [field, { rule, required }] of Object.entries(spec)) {
    const value = fields[field];
    if (value === undefined || value === null) {
      if (required) details.push({ field, message: "can't be blank" });
      continue;
    }
    const message = rule(value);
    if (message !== undefined) details.push({ field, message });
  }
  return details;
}
