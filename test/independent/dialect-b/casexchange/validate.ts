import { isRecord } from '../kit/body.js';
import { isCalendarDate, isUuid } from '../kit/ids.js';
import type { FieldIssue } from './answers.js';

/**
 * Field rules for CaseXchange bodies. A rule returns the issue for a present value; absent required
 * fields are reported by the checker itself.
 */
export type Rule = (value: unknown) => string | undefined;

export const rules = {
  text:
    (max: number): Rule =>
    (value) =>
      typeof value === 'string' && value.trim() !== '' && value.length <= max
        ? undefined
        : `must be a non-empty string of at most ${max} characters`,
  oneOf:
    (allowed: readonly string[]): Rule =>
    (value) =>
      typeof value === 'string' && allowed.includes(value)
        ? undefined
        : `must be one of ${allowed.join(', ')}`,
  uuid: ((value) => (isUuid(value) ? undefined : 'must be a UUID')) as Rule,
  date: ((value) => (isCalendarDate(value) ? undefined : 'must be a date as YYYY-MM-DD')) as Rule,
  integerId: ((value) =>
    typeof value === 'number' && Number.isInteger(value) && value > 0
      ? undefined
      : 'must be a positive integer') as Rule,
  email: ((value) =>
    typeof value === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)
      ? undefined
      : 'must be an email address') as Rule,
};

export interface FieldSpec {
  rule: Rule;
  required: boolean;
}

export function checkFields(body: unknown, spec: Record<string, FieldSpec>): FieldIssue[] {
  if (!isRecord(body)) return [{ field: 'body', issue: 'must be a JSON object' }];
  const issues: FieldIssue[] = [];
  for (const [field, { rule, required }] of Object.entries(spec)) {
    const value = body[field];
    if (value === undefined || value === null) {
      if (required) issues.push({ field, issue: 'is required' });
      continue;
    }
    const issue = rule(value);
    if (issue !== undefined) issues.push({ field, issue });
  }
  return issues;
}
