/**
 * Shared pieces of the zod v4 peers. Where zod's built-ins would judge differently from the schema,
 * a refinement calls the same check the generated validators use, because a comparison between
 * engines that disagree on what is valid measures nothing:
 * - formats: `z.iso.datetime()` rejects a space separator and leap seconds that RFC 3339 allows,
 *   and `z.url()` trims white space before parsing, so both use the package's format functions;
 * - integers: `z.int()` rejects integers beyond 2^53, which JSON Schema's `integer` accepts.
 * `minLength: 1` counts code points and `.min(1)` counts UTF-16 units, but both mean non-empty.
 * Every object is loose because the schemas tolerate members a vendor may add later.
 */
import { z } from 'zod';
import { isDateTime, isUri } from '../../../src/validation/runtime.js';

export const nonEmpty = z.string().min(1);
export const dateTime = z.string().refine(isDateTime);
export const uri = z.string().refine(isUri);
/** JSON Schema `type: object` with no constraints: any non-null, non-array object. */
export const anyObject = z.looseObject({});
