import type { ErrorCategory } from '../generated/meta-types.js';
import { firstString, readPointer } from './json-pointer.js';
import type { FieldError } from './types.js';
import type { CompiledFieldSource } from './vendor-rules.js';

/** Enough for any real form; a body listing a million fields is cut short rather than copied. */
const MAX_FIELD_ERRORS = 100;
const MAX_TEXT = 1000;
/** Messages searched by pattern are cut first, so a policy regex never sees a huge string. */
const MAX_PATTERN_INPUT = 2000;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/** The fields of a list of error objects, appended to `errors`. */
function fromList(
  items: unknown,
  source: Extract<CompiledFieldSource, { kind: 'list' }>,
  fallback: string,
  errors: FieldError[],
): void {
  if (!Array.isArray(items)) return;
  const count = Math.min(items.length, MAX_FIELD_ERRORS);
  for (let index = 0; index < count; index++) {
    const item: unknown = items[index];
    const field = firstString(item, source.fieldMembers);
    if (field === null) continue;
    errors.push({ field: clip(field), message: clip(firstString(item, source.messageMembers) ?? fallback) });
  }
}

/** The fields of an object of messages (or lists of them) by field name, appended to `errors`. */
function fromMap(object: unknown, errors: FieldError[]): void {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return;
  const fields = Object.keys(object);
  const count = Math.min(fields.length, MAX_FIELD_ERRORS);
  for (let index = 0; index < count; index++) {
    const field = fields[index] as string;
    const value = (object as Record<string, unknown>)[field];
    const messages = Array.isArray(value) ? value : [value];
    for (const message of messages) {
      if (typeof message === 'string') errors.push({ field: clip(field), message: clip(message) });
    }
  }
}

/**
 * The fields a message names by pattern, appended to `errors`, each once per pattern. exec in a
 * loop rather than matchAll: matchAll copies the regular expression on every call, which was the
 * largest single cost of normalizing a CaseXchange validation error.
 */
function fromPattern(pattern: RegExp, lead: string | null, message: string, errors: FieldError[]): void {
  const start = errors.length;
  const text = message.slice(0, MAX_PATTERN_INPUT);
  // Every match begins with `lead`: text without it has none (see leadingLiteral).
  if (lead !== null && !text.includes(lead)) return;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    // An empty match would leave lastIndex where it is and loop for ever.
    if (match[0] === '') pattern.lastIndex++;
    const field = match.groups?.field;
    if (field && !foundSince(errors, start, field)) errors.push({ field, message: clip(message) });
    if (errors.length - start >= MAX_FIELD_ERRORS) break;
  }
}

/** Whether `field` is among the errors from `start` on (those this pattern found). */
function foundSince(errors: readonly FieldError[], start: number, field: string): boolean {
  for (let index = start; index < errors.length; index++) if (errors[index]?.field === field) return true;
  return false;
}

/**
 * Every field-level problem the vendor's body names, from each source the policy lists. Every source
 * appends to one array, so a body without field errors costs no array per source.
 */
export function extractFieldErrors(
  body: unknown,
  message: string,
  sources: readonly CompiledFieldSource[],
  category: ErrorCategory,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const source of sources) {
    if (source.kind === 'message_pattern') {
      if (source.categories.has(category)) fromPattern(source.pattern, source.lead, message, errors);
      continue;
    }
    const value = readPointer(body, source.pointer);
    if (source.kind === 'list') fromList(value, source, message, errors);
    else if (source.kind === 'map') fromMap(value, errors);
    else if (typeof value === 'string' && value !== '')
      errors.push({ field: clip(value), message: clip(message) });
  }
  return errors.length > MAX_FIELD_ERRORS ? errors.slice(0, MAX_FIELD_ERRORS) : errors;
}
