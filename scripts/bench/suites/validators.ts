import { getVendor } from '../../../src/index.js';
import { type Case, copiesOf, INPUT_COPIES, type Measurement, measure } from '../measure.js';
import { formatOps, formatRatio, verdict } from '../report.js';
import { subjects } from '../subjects.js';
import type { Goal, Suite, Table } from '../suite.js';
import { checksFor, type Engine, engines } from '../validators.js';

/** The goals for the generated validator. */
const MIN_SPEEDUP_OVER_ZOD = 4;
const MAX_HAND_GUARD_LEAD = 1.2;
/** The generated guard is at least as fast as TypeBox's compiled guard on the same schema. */
const MIN_SPEEDUP_OVER_TYPEBOX = 1;

const inputs = ['valid', 'invalid'] as const;
type Input = (typeof inputs)[number];

const TIMING = { warmupTime: 100, rounds: 7, time: 40, batch: 1000 };

export const validatorsSuite: Suite = {
  name: 'validators',
  title:
    'Envelope validation: generated standalone vs runtime ajv vs zod v4 vs TypeBox vs hand guard (ops/s)',
  run() {
    const tables: Table[] = [];
    const goals: Goal[] = [];
    for (const subject of subjects) {
      const checks = checksFor(subject);
      // Every engine cycles through the very same objects.
      const copies = { valid: copiesOf(subject.valid), invalid: copiesOf(subject.invalid) };
      const cases: Case[] = inputs.flatMap((input) =>
        engines.map((engine) => ({
          name: `${engine}/${input}`,
          check: checks[engine],
          inputs: copies[input],
          expected: input === 'valid',
        })),
      );
      const byName = new Map(measure(cases, TIMING).map((m): [string, Measurement] => [m.name, m]));
      const result = (engine: Engine, input: Input): Measurement => {
        const found = byName.get(`${engine}/${input}`);
        if (!found) throw new Error(`no measurement for ${engine}/${input}`);
        return found;
      };

      const rows: string[][] = engines.map((engine) => [
        engine,
        ...inputs.flatMap((input) => [
          formatOps(result(engine, input).opsPerSecond),
          `${result(engine, input).spread.toFixed(0)}%`,
        ]),
      ]);
      const vendorName = getVendor(subject.vendor).name;
      const ratioRow = (
        label: string,
        ratioOf: (input: Input) => number,
        meets: (ratio: number) => boolean,
        goal: string,
      ) => {
        rows.push([
          `${label} (goal ${goal})`,
          ...inputs.flatMap((input) => {
            const ratio = ratioOf(input);
            goals.push({
              description: `${vendorName} ${input}: ${label} = ${formatRatio(ratio)}, goal ${goal}`,
              met: meets(ratio),
            });
            return [formatRatio(ratio), verdict(meets(ratio))];
          }),
        ]);
      };
      const ops = (engine: Engine, input: Input) => result(engine, input).opsPerSecond;
      ratioRow(
        'standalone (all errors) / zod v4',
        (input) => ops('standalone (all errors)', input) / ops('zod v4', input),
        (ratio) => ratio >= MIN_SPEEDUP_OVER_ZOD,
        `>= ${MIN_SPEEDUP_OVER_ZOD}x`,
      );
      ratioRow(
        'hand guard / standalone guard',
        (input) => ops('hand guard', input) / ops('standalone guard', input),
        (ratio) => ratio <= MAX_HAND_GUARD_LEAD,
        `<= ${MAX_HAND_GUARD_LEAD}x`,
      );
      ratioRow(
        'standalone guard / typebox compiled',
        (input) => ops('standalone guard', input) / ops('typebox compiled', input),
        (ratio) => ratio >= MIN_SPEEDUP_OVER_TYPEBOX,
        `>= ${MIN_SPEEDUP_OVER_TYPEBOX}x`,
      );
      tables.push({
        title: `${vendorName} (${subject.envelope} schema)`,
        head: ['', 'valid ops/s', 'spread', 'invalid ops/s', 'spread'],
        rows,
      });
    }
    return {
      tables,
      goals,
      notes: [
        `In one process: ${TIMING.warmupTime} ms warm-up per cell, then ${TIMING.rounds} interleaved rounds (the order rotates each round) giving every cell ${TIMING.time} ms of CPU time (process.cpuUsage) in batches of ${TIMING.batch} calls; ops/s is calls per CPU second of the median round, spread is (fastest - slowest round) / median.`,
        `Each cell cycles through ${INPUT_COPIES} equal copies of its input, the same objects for every engine.`,
        'ClaimRev is measured on its token-error schema: its API envelope accepts any body.',
        'The all-errors validator and runtime ajv collect every failure, as validateError reports them all; the generated guard, TypeBox and the hand guard stop at the first.',
        'zod v4 is called as schema.safeParse(data).success, TypeBox as TypeCompiler.Compile(schema).Check(data); every engine agrees on every input (test/bench/equivalence.test.ts).',
      ],
    };
  },
};
