import { createStrictAjv } from '../codegen/ajv.js';
import { handGuards } from './hand-guards.js';
import type { BenchSubject } from './subjects.js';
import { typeboxGuard } from './typebox-schemas.js';
import { zodSchemas } from './zod-schemas.js';

export type Check = (data: unknown) => boolean;

/**
 * The engines compared, in table order; the first two are what the package ships. Each is compared
 * with its like: the all-errors validator with zod (both collect every issue), the generated guard
 * with TypeBox's compiled guard and the hand-written guard (all three answer yes or no and stop at
 * the first failure).
 */
export const engines = [
  'standalone guard',
  'standalone (all errors)',
  'ajv runtime',
  'zod v4',
  'typebox compiled',
  'hand guard',
] as const;
export type Engine = (typeof engines)[number];

// One runtime ajv for all vendors, with the options the generator compiles with (strict,
// allErrors, the package's formats), so it differs from the standalone code only in being
// compiled in this process rather than ahead of time.
let runtimeAjv: ReturnType<typeof createStrictAjv> | undefined;

/**
 * The ways of answering "is this body a valid envelope?" for one subject, each reduced to a
 * boolean so that they are called, timed and compared identically. Schemas are compiled here,
 * once, so compilation never falls inside a timed loop.
 */
export function checksFor(subject: BenchSubject): Record<Engine, Check> {
  runtimeAjv ??= createStrictAjv();
  const compiled = runtimeAjv.compile(subject.schema);
  const zodSchema = zodSchemas[subject.vendor];
  return {
    'standalone guard': subject.guard,
    'standalone (all errors)': subject.standalone,
    'ajv runtime': compiled,
    'zod v4': (data) => zodSchema.safeParse(data).success,
    'typebox compiled': typeboxGuard(subject.vendor),
    'hand guard': handGuards[subject.vendor],
  };
}
