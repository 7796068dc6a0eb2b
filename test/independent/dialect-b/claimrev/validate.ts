import { isRecord } from '../kit/body.js';
import { isCalendarDate } from '../kit/ids.js';

/** Field checks for ClaimRev bodies; each failing field gets its own messages. */
export type FieldErrors = Record<string, string[]>;

export interface ClaimSubmission {
  patientControlNumber: string;
  payerId: string;
  billedAmount: number;
  serviceDate: string;
}

export interface EligibilityInquiry {
  memberId: string;
  payerId: string;
  dateOfService: string;
}

type Check = (value: unknown) => string | undefined;

const text =
  (max: number): Check =>
  (value) =>
    typeof value !== 'string' || value.length === 0 || value.length > max
      ? `must be a string of 1 to ${max} characters`
      : undefined;
const payerId: Check = (value) =>
  typeof value === 'string' && /^\d{5}$/.test(value) ? undefined : 'must be a five-digit payer id';
const amount: Check = (value) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? undefined : 'must be a positive number';
const date: Check = (value) => (isCalendarDate(value) ? undefined : 'must be a date as YYYY-MM-DD');

function check<T>(body: unknown, checks: Record<string, Check>): { ok: T } | { errors: FieldErrors } {
  if (!isRecord(body)) return { errors: { $: ['The request body must be a JSON object.'] } };
  const errors: FieldErrors = {};
  for (const [field, rule] of Object.entries(checks)) {
    const value = body[field];
    const problem = value === undefined ? `The ${field} field is required.` : rule(value);
    if (problem !== undefined) errors[field] = [problem.startsWith('The ') ? problem : `${field} ${problem}`];
  }
  return Object.keys(errors).length > 0 ? { errors } : { ok: body as T };
}

export function checkClaimSubmission(body: unknown): { ok: ClaimSubmission } | { errors: FieldErrors } {
  return check(body, { patientControlNumber: text(20), payerId, billedAmount: amount, serviceDate: date });
}

export function checkEligibilityInquiry(body: unknown): { ok: EligibilityInquiry } | { errors: FieldErrors } {
  return check(body, { memberId: text(30), payerId, dateOfService: date });
}
