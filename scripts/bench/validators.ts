import { TypeCompiler } from '@sinclair/typebox/compiler';
import { createStrictAjv } from '../codegen/ajv.js';
import type { BenchSubject } from './subjects.js';

export type Check = (data: unknown) => boolean;

/**
 * The engines compared, in table order; the first two are what the package ships. Each is compared
 * with its like: the reporting validator with zod (both collect every issue), the generated guard
 * with TypeBox's compiled guard and the hand-written guard (all three answer yes or no and stop at
 * the first failure).
 */
export const engines = [
  'generated guard',
  'generated validator',
  'ajv runtime',
  'zod v4',
  'typebox compiled',
  'hand guard',
] as const;
export type Engine = (typeof engines)[number];

// One runtime ajv for all vendors, with the options the generator compiles with (strict,
// allErrors, the package's formats), so it differs from the generated reporting code only in being
// compiled in this process rather than ahead of time.
let runtimeAjv: ReturnType<typeof createStrictAjv> | undefined;

/**
 * The ways of answering "is this body a valid envelope?" for one subject, each reduced to a
 * boolean so that they are called, timed and compared identically. Schemas are compiled here,
 * once, so compilation never falls inside a timed loop.
 */
export function checksFor(subject: BenchSubject): Record<Engine, Check> {
  runtimeAjv ??= createStrictAjv();
  const compiled = runtimeAjv.getSchema(String(subject.schema.$id)) ?? runtimeAjv.compile(subject.schema);
  const { zodSchema, typeboxSchema, handGuard } = subject.peers;
  const typebox = TypeCompiler.Compile(typeboxSchema);
  return {
    'generated guard': subject.guard,
    'generated validator': subject.standalone,
    'ajv runtime': compiled,
    'zod v4': (data) => zodSchema.safeParse(data).success,
    'typebox compiled': (data) => typebox.Check(data),
    'hand guard': handGuard,
  };
}
