/**
 * Hand-written zod v4 equivalents of the envelope schemas, for the validator benchmark.
 *
 * Each mirrors its JSON Schema member for member. Where zod's built-ins would judge differently
 * from the schema, a refinement calls the same check the generated validators use, because a
 * comparison between engines that disagree on what is valid measures nothing:
 * - formats: `z.iso.datetime()` rejects a space separator and leap seconds that RFC 3339 allows,
 *   and `z.url()` trims white space before parsing, so both use the package's format functions;
 * - integers: `z.int()` rejects integers beyond 2^53, which JSON Schema's `integer` accepts.
 * `minLength: 1` counts code points and `.min(1)` counts UTF-16 units, but both mean non-empty.
 * Every object is loose because the schemas tolerate members a vendor may add later.
 */
import { z } from 'zod';
import type { VendorId } from '../../src/index.js';
import { isDateTime, isUri } from '../../src/validation/runtime.js';
import { foresightErrorTypes } from './subjects.js';

const nonEmpty = z.string().min(1);
const dateTime = z.string().refine(isDateTime);
const uri = z.string().refine(isUri);
/** JSON Schema `type: object` with no constraints: any non-null, non-array object. */
const anyObject = z.looseObject({});

// RFC 6749's error charset (printable ASCII without " and \\), as the schema has it.
const oauthCode = z
  .string()
  .min(1)
  .regex(/^[\x20-\x21\x23-\x5B\x5D-\x7E]+$/);

const claimrevTokenError = z.looseObject({
  error: oauthCode,
  error_description: z.string().optional(),
  error_uri: uri.optional(),
  correlation_id: z.string().optional(),
  trace_id: z.string().optional(),
  timestamp: z.string().optional(),
  error_codes: z.array(z.number().refine(Number.isInteger)).optional(),
});

const collateEnvelope = z.looseObject({
  error: z.looseObject({
    code: nonEmpty,
    message: z.string(),
    retryable: z.boolean(),
    details: anyObject.optional(),
    issues: z.array(anyObject).optional(),
  }),
  requestId: nonEmpty,
});

const casexchangeEnvelope = z.looseObject({
  error: z.looseObject({ code: nonEmpty, message: z.string() }),
  meta: z.looseObject({ requestId: nonEmpty.optional(), timestamp: dateTime.optional() }).optional(),
});

const foresightEnvelope = z.looseObject({
  error: z.looseObject({
    type: z.enum(foresightErrorTypes),
    code: nonEmpty,
    message: z.string(),
    param: nonEmpty.optional(),
    requestId: nonEmpty,
    docsUrl: uri,
  }),
});

const denialbaseEnvelope = z.looseObject({
  error: z.looseObject({
    code: nonEmpty,
    message: z.string(),
    details: z.array(z.looseObject({ field: nonEmpty, message: z.string() })).optional(),
    request_id: nonEmpty,
  }),
});

/** The zod schema standing in for each vendor's bench subject (ClaimRev: its token error). */
export const zodSchemas: Record<VendorId, z.ZodType> = {
  claimrev: claimrevTokenError,
  collate: collateEnvelope,
  casexchange: casexchangeEnvelope,
  foresight: foresightEnvelope,
  denialbase: denialbaseEnvelope,
};
