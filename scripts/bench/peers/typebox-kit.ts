/**
 * Shared pieces of the TypeBox peers, compiled with TypeBox's TypeCompiler: the fastest
 * schema-driven guard in common use. Formats are registered with the package's own format
 * functions, so that TypeBox judges exactly as the generated validators do. TypeBox objects accept
 * extra members, as the schemas do, and its default policy already rejects arrays where an object
 * is expected and treats an optional member set to undefined as absent, as ajv does.
 */
import { FormatRegistry, Type } from '@sinclair/typebox';
import { isDateTime, isUri } from '../../../src/validation/runtime.js';

// TypeBox keeps formats in a process-wide registry; setting them again is harmless.
FormatRegistry.Set('date-time', isDateTime);
FormatRegistry.Set('uri', isUri);

export const nonEmpty = Type.String({ minLength: 1 });
/** JSON Schema `type: object` with no constraints: any non-null, non-array object. */
export const anyObject = Type.Object({});
