import { isRecord } from '../kit/body.js';
import { isCalendarDate, isUuid } from '../kit/ids.js';
import type { ForesightError } from './answers.js';

/**
 * Field rules for Foresight bodies. The first failing field decides the answer, and its name is the
 * error's `param`, as the doc's example shows.
 */
export type FieldRule =
  | { kind: 'uuid' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'cents' }
  | { kind: 'date' }
  | { kind: 'text'; max: number };

export interface FieldSpec {
  rule: FieldRule;
  required: boolean;
}

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function isIsoDate(value: string): boolean {
  const dateTime = value.match(ISO_DATE_TIME);
  return dateTime?.[1] !== undefined
    ? isCalendarDate(dateTime[1]) && !Number.isNaN(Date.parse(value))
    : isCalendarDate(value);
}

function checkValue(field: string, value: unknown, rule: FieldRule): ForesightError | undefined {
  const wrongType = (expected: string): ForesightError => ({
    code: 'invalid_field_type',
    message: `Field \`${field}\` must be ${expected}.`,
    param: field,
  });
  switch (rule.kind) {
    case 'cents':
      if (typeof value !== 'number') return wrongType('an integer number of cents');
      return Number.isInteger(value) && value >= 0
        ? undefined
        : {
            code: 'invalid_currency_amount',
            message: `Field \`${field}\` must be whole cents.`,
            param: field,
          };
    case 'uuid':
      if (typeof value !== 'string') return wrongType('a string');
      return isUuid(value)
        ? undefined
        : { code: 'invalid_uuid_format', message: `Field \`${field}\` must be a UUID.`, param: field };
    case 'date':
      if (typeof value !== 'string') return wrongType('a string');
      return isIsoDate(value)
        ? undefined
        : {
            code: 'invalid_date_format',
            message: `Field \`${field}\` must be an ISO 8601 date.`,
            param: field,
          };
    case 'enum':
      if (typeof value !== 'string') return wrongType('a string');
      return rule.values.includes(value)
        ? undefined
        : {
            code: 'invalid_enum_value',
            message: `Field \`${field}\` must be one of ${rule.values.join(', ')}.`,
            param: field,
          };
    case 'text':
      if (typeof value !== 'string') return wrongType('a string');
      return value.length <= rule.max
        ? undefined
        : {
            code: 'field_value_too_long',
            message: `Field \`${field}\` is longer than ${rule.max}.`,
            param: field,
          };
  }
}

export function firstFieldError(body: unknown, spec: Record<string, FieldSpec>): ForesightError | undefined {
  if (!isRecord(body))
    return { code: 'invalid_field_type', message: 'The body must be a JSON object.', param: 'body' };
  for (const [field, { rule, required }] of Object.entries(spec)) {
    const value = body[field];
    if (value === undefined || value === null) {
      if (required)
        return { code: 'missing_required_field', message: `Field \`${field}\` is required.`, param: field };
      continue;
    }
    const problem = checkValue(field, value, rule);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
