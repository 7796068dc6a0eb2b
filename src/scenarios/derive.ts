/**
 * Provoking bodies derived from an operation's valid example: a field removed, a field given a
 * value, one value changed, a string made too long. Nothing here invents a field: every field
 * touched is named by the scenario through a fact (or a default the vendor's doc gives), and every
 * other member is the user's own example.
 */
import { ErrorContractsError } from '../errors.js';
import type { BodyDerivation, Operation } from './types.js';

/** A derivation that cannot be applied to the example it was given. */
export class BodyDerivationError extends ErrorContractsError {
  constructor(message: string) {
    super('ERR_BODY_DERIVATION', message);
    this.name = 'BodyDerivationError';
  }
}

type Json = unknown;

/** The field name that stands for the whole body (a raw upload's bytes). */
export const WHOLE_BODY = '$';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `patient.birthDate` -> ['patient', 'birthDate']; a leading `/` reads as a JSON Pointer. */
function segmentsOf(field: string): string[] {
  if (field.startsWith('/'))
    return field
      .slice(1)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  return field.split('.');
}

type Container = Record<string, unknown> | unknown[];
const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/** The object or array holding a field's last segment, objects created on the way where `create` is set. */
function parentOf(
  body: Json,
  segments: readonly string[],
  create: boolean,
): Record<string, unknown> | undefined {
  let here: unknown = body;
  for (const segment of segments.slice(0, -1)) {
    if (!isContainer(here)) return undefined;
    const box = here as Record<string, unknown>;
    if (!isContainer(box[segment]) && create) box[segment] = {};
    here = box[segment];
  }
  // An array is indexed like an object by its numeric segments ("answers.0.value").
  return isContainer(here) ? (here as Record<string, unknown>) : undefined;
}

/** Another value of the same type: how a mismatched retry differs from the first call in one value. */
function changed(value: unknown, field: string): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return `${value}-changed`;
  if (typeof value === 'boolean') return !value;
  throw new BodyDerivationError(
    `The example body has no string, number or boolean at ${field} to change; name another field.`,
  );
}

/**
 * The example with the derivation applied. The fields named are returned too: a field-level error
 * detail (`param`, `details[].field`) is expected to name them.
 */
export function deriveBody(
  example: Json,
  derivation: BodyDerivation,
  operation: string,
): { body: Json; fields: string[] } {
  // `$` names the whole body: a raw upload's content.
  const whole = derivation.set?.[WHOLE_BODY];
  if (whole !== undefined) return { body: whole, fields: [WHOLE_BODY] };
  if (!isObject(example)) {
    if (Object.keys(derivation).length === 0) return { body: example, fields: [] };
    throw new BodyDerivationError(
      `operations.${operation} has no example body with fields to derive a request from; give its "body".`,
    );
  }
  const body = structuredClone(example) as Record<string, unknown>;
  const fields: string[] = [];
  for (const field of derivation.omit ?? []) {
    const segments = segmentsOf(field);
    const parent = parentOf(body, segments, false);
    const last = segments.at(-1) as string;
    if (!parent || !(last in parent)) {
      throw new BodyDerivationError(
        `The example body of operations.${operation} has no field ${field} to leave out.`,
      );
    }
    delete parent[last];
    fields.push(field);
  }
  for (const [field, value] of Object.entries(derivation.set ?? {})) {
    const segments = segmentsOf(field);
    const parent = parentOf(body, segments, true) as Record<string, unknown>;
    parent[segments.at(-1) as string] = value;
    fields.push(field);
  }
  if (derivation.change !== undefined) {
    const field = derivation.change;
    const segments = segmentsOf(field);
    const parent = parentOf(body, segments, false);
    const last = segments.at(-1) as string;
    if (!parent)
      throw new BodyDerivationError(`The example body of operations.${operation} has no field ${field}.`);
    parent[last] = changed(parent[last], field);
    fields.push(field);
  }
  if (derivation.overLength) {
    const { field, length } = derivation.overLength;
    const limit = Number(length);
    if (!Number.isSafeInteger(limit) || limit < 0) {
      throw new BodyDerivationError(`The length for ${field} is not a whole number: ${length}.`);
    }
    const segments = segmentsOf(field);
    const parent = parentOf(body, segments, true) as Record<string, unknown>;
    parent[segments.at(-1) as string] = 'x'.repeat(limit + 1);
    fields.push(field);
  }
  return { body, fields };
}

/** A stable boundary, so a derived upload is the same bytes on every run (recordings, contracts). */
const BOUNDARY = 'error-contracts-form-boundary';

/** A file member of a form body. */
interface FilePart {
  filename: string;
  content: string;
  contentType?: string;
}
const isFilePart = (value: unknown): value is FilePart =>
  isObject(value) && typeof value.filename === 'string' && typeof value.content === 'string';

/**
 * The wire form of a body for the operation's media type: JSON as a value (the runner serialises
 * it), a form as multipart or url-encoded text, anything else as the text it is.
 */
export function encodeBody(
  body: Json,
  contentType: Operation['contentType'],
): { json: unknown } | { raw: { contentType: string; text: string } } {
  const type = contentType ?? (typeof body === 'string' ? 'text/plain' : 'application/json');
  if (/[/+]json\b/i.test(type) && typeof body !== 'string') return { json: body };
  if (typeof body === 'string') return { raw: { contentType: type, text: body } };
  if (/^multipart\/form-data/i.test(type) && isObject(body)) {
    const parts = Object.entries(body).map(([name, value]) => {
      if (isFilePart(value)) {
        return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\nContent-Type: ${value.contentType ?? 'application/octet-stream'}\r\n\r\n${value.content}\r\n`;
      }
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${text}\r\n`;
    });
    return {
      raw: {
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        text: `${parts.join('')}--${BOUNDARY}--\r\n`,
      },
    };
  }
  if (/^application\/x-www-form-urlencoded/i.test(type) && isObject(body)) {
    const form = new URLSearchParams(
      Object.entries(body).map(([name, value]): [string, string] => [
        name,
        typeof value === 'string' ? value : JSON.stringify(value),
      ]),
    );
    return { raw: { contentType: type, text: form.toString() } };
  }
  return { raw: { contentType: type, text: JSON.stringify(body) } };
}
