import type { FieldErrorSource } from '../generated/meta-types.js';
import { parsePointer, readPointer } from '../normalize/json-pointer.js';
import { normalizeError } from '../normalize/normalize-error.js';
import type { JsonValue } from '../report/result.js';
import type { DocumentedPromise } from '../scenarios/types.js';
import { getVendor, type VendorId } from '../vendors/registry.js';

/** What an answer is judged on: its status, headers and body as they came. */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type Fail = (message: string, expected?: JsonValue, actual?: JsonValue) => void;

/**
 * Judges the promises a scenario cites (DocumentedPromise) against one answer. Each is a doc
 * line, so a broken one is a failure, never drift, and its message quotes the line.
 */
export function judgePromises(
  vendorId: VendorId,
  promises: readonly DocumentedPromise[],
  answer: Answer,
  fail: Fail,
): void {
  for (const promise of promises) {
    if (promise.kind === 'status') {
      if (answer.status !== promise.status)
        fail(
          `The docs give this answer ${promise.status}: "${promise.quote}"`,
          promise.status,
          answer.status,
        );
      continue;
    }
    const details = fieldDetailsOf(vendorId, answer);
    if (details.count === 0) {
      fail(`The answer carries no field details: "${promise.quote}"`, 'field details', null);
    } else if (
      promise.field !== undefined &&
      !details.fields.some((named) => sameField(named, promise.field ?? ''))
    ) {
      fail(
        `The field details do not name the field at fault: "${promise.quote}"`,
        promise.field,
        details.fields,
      );
    }
  }
}

/**
 * The field-level details of an error body, read where the vendor's policy says its envelope keeps
 * them: how many entries there are (an item of an undocumented shape still counts) and the field
 * names the normalizer reads from them.
 */
export function fieldDetailsOf(vendorId: VendorId, answer: Answer): { count: number; fields: string[] } {
  const reader = getVendor(vendorId).policy.envelopes.find((candidate) => candidate.surface === 'api');
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    body = undefined;
  }
  const fields = normalizeError(vendorId, answer, { surface: 'api' }).fieldErrors.map((error) => error.field);
  const entries = (reader?.fieldErrors ?? []).reduce((sum, source) => sum + entriesAt(body, source), 0);
  return { count: Math.max(entries, fields.length), fields };
}

function entriesAt(body: unknown, source: FieldErrorSource): number {
  if (source.kind === 'message_pattern') return 0;
  const value = readPointer(body, parsePointer(source.pointer));
  if (source.kind === 'list') return Array.isArray(value) ? value.length : 0;
  if (source.kind === 'map')
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.keys(value).length
      : 0;
  return typeof value === 'string' && value !== '' ? 1 : 0;
}

/**
 * Whether a field name in the details names the expected field: equal, or one a path to the other
 * (`patient.birthDate`, `/patient/birthDate` and `birthDate` name the same field).
 */
function sameField(named: string, expected: string): boolean {
  const last = (path: string) =>
    path
      .split(/[./[\]]/)
      .filter(Boolean)
      .pop() ?? path;
  return named === expected || last(named) === last(expected);
}
