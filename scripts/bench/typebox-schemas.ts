/**
 * TypeBox equivalents of the envelope schemas, compiled with TypeBox's TypeCompiler: the fastest
 * schema-driven guard in common use, and so the peer the generated guards are measured against.
 *
 * Each mirrors its JSON Schema member for member, and formats are registered with the package's own
 * format functions, so that TypeBox judges exactly as the generated validators do (equivalence is
 * tested). Objects accept extra members, as the schemas do, and TypeBox's default policy already
 * rejects arrays where an object is expected and treats an optional member set to undefined as
 * absent, as ajv does.
 */
import { FormatRegistry, type TSchema, Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { VendorId } from '../../src/index.js';
import { isDateTime, isUri } from '../../src/validation/runtime.js';
import { foresightErrorTypes } from './subjects.js';

// TypeBox keeps formats in a process-wide registry; setting them again is harmless.
FormatRegistry.Set('date-time', isDateTime);
FormatRegistry.Set('uri', isUri);

const nonEmpty = Type.String({ minLength: 1 });
const optional = Type.Optional;

const claimrevTokenError = Type.Object({
  error: Type.String({ minLength: 1, pattern: '^[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+$' }),
  error_description: optional(Type.String()),
  error_uri: optional(Type.String({ format: 'uri' })),
  correlation_id: optional(Type.String()),
  trace_id: optional(Type.String()),
  timestamp: optional(Type.String()),
  error_codes: optional(Type.Array(Type.Integer())),
});

/** JSON Schema `type: object` with no constraints: any non-null, non-array object. */
const anyObject = Type.Object({});

const collateEnvelope = Type.Object({
  error: Type.Object({
    code: nonEmpty,
    message: Type.String(),
    retryable: Type.Boolean(),
    details: optional(anyObject),
    issues: optional(Type.Array(anyObject)),
  }),
  requestId: nonEmpty,
});

const casexchangeEnvelope = Type.Object({
  error: Type.Object({ code: nonEmpty, message: Type.String() }),
  meta: optional(
    Type.Object({
      requestId: optional(nonEmpty),
      timestamp: optional(Type.String({ format: 'date-time' })),
    }),
  ),
});

const foresightEnvelope = Type.Object({
  error: Type.Object({
    type: Type.Union(foresightErrorTypes.map((type) => Type.Literal(type))),
    code: nonEmpty,
    message: Type.String(),
    param: optional(nonEmpty),
    requestId: nonEmpty,
    docsUrl: Type.String({ format: 'uri' }),
  }),
});

const denialbaseEnvelope = Type.Object({
  error: Type.Object({
    code: nonEmpty,
    message: Type.String(),
    details: optional(Type.Array(Type.Object({ field: nonEmpty, message: Type.String() }))),
    request_id: nonEmpty,
  }),
});

const schemas: Record<VendorId, TSchema> = {
  claimrev: claimrevTokenError,
  collate: collateEnvelope,
  casexchange: casexchangeEnvelope,
  foresight: foresightEnvelope,
  denialbase: denialbaseEnvelope,
};

/** The TypeBox-compiled guard standing in for a vendor's bench subject (ClaimRev: its token error). */
export function typeboxGuard(vendor: VendorId): (data: unknown) => boolean {
  const compiled = TypeCompiler.Compile(schemas[vendor]);
  return (data) => compiled.Check(data);
}
