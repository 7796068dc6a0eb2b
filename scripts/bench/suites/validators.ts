import { getVendor } from '../../../src/index.js';
import {
  type Case,
  copiesOf,
  INPUT_COPIES,
  type Measurement,
  measure,
  type Range,
  roundRatios,
} from '../measure.js';
import { formatOps, formatRange } from '../report.js';
import { loadSubjects } from '../subjects.js';
import type { Goal, Suite, SuiteResult, Table } from '../suite.js';
import { checksFor, type Engine, engines } from '../validators.js';

const inputs = ['valid', 'invalid'] as const;
type Input = (typeof inputs)[number];

const TIMING = { warmupTime: 100, rounds: 7, time: 40, batch: 1000 };

/**
 * The goals for the generated code, each a ratio of ops/s taken round by round.
 * `faster` divides the generated engine's ops/s by the peer's (how many times faster it is);
 * `slower` divides the peer's by the generated engine's (how many times the generated code's time).
 */
interface GoalSpec {
  engine: Engine;
  peer: Engine;
  input: Input;
  direction: 'faster' | 'slower';
  meets: (ratio: number) => boolean;
  target: string;
}

const GOALS: readonly GoalSpec[] = [
  {
    engine: 'generated guard',
    peer: 'hand guard',
    input: 'invalid',
    direction: 'slower',
    meets: (ratio) => ratio <= 1.2,
    target: '<= 1.2x time',
  },
  ...inputs.map(
    (input): GoalSpec => ({
      engine: 'generated guard',
      peer: 'typebox compiled',
      input,
      direction: 'faster',
      meets: (ratio) => ratio >= 1,
      target: '>= 1x speed',
    }),
  ),
  {
    engine: 'generated validator',
    peer: 'zod v4',
    input: 'valid',
    direction: 'faster',
    meets: (ratio) => ratio >= 4,
    target: '>= 4x speed',
  },
];

/** Measures every registry vendor with peers under `peersDir` and names those without. */
export async function runValidatorsBench(peersDir?: string): Promise<SuiteResult> {
  const { subjects, withoutPeers } = await loadSubjects(peersDir);
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
    const vendorName = getVendor(subject.vendor).name;
    tables.push({
      title: `${vendorName} (${subject.envelope} schema)`,
      head: ['', 'valid ops/s', 'spread', 'invalid ops/s', 'spread'],
      rows: engines.map((engine) => [
        engine,
        ...inputs.flatMap((input) => [
          formatOps(result(engine, input).opsPerSecond),
          `${result(engine, input).spread.toFixed(0)}%`,
        ]),
      ]),
    });
    for (const spec of GOALS) {
      const generated = result(spec.engine, spec.input);
      const peer = result(spec.peer, spec.input);
      const measured: Range =
        spec.direction === 'faster' ? roundRatios(generated, peer) : roundRatios(peer, generated);
      const what = `${vendorName}: ${spec.engine}, ${spec.input} body`;
      goals.push({
        description: `${what} vs ${spec.peer} = ${formatRange(measured)}, goal ${spec.target}`,
        met: spec.meets(measured.median),
        what,
        peer: spec.peer,
        measured,
        target: spec.target,
      });
    }
  }
  for (const vendor of withoutPeers) {
    tables.push({
      title: `${getVendor(vendor).name}: no peer written`,
      head: ['', ''],
      rows: [['no peer written', `scripts/bench/peers/${vendor}/ does not exist`]],
    });
  }
  return {
    tables,
    goals,
    notes: [
      `In one process: ${TIMING.warmupTime} ms warm-up per cell, then ${TIMING.rounds} interleaved rounds (the order rotates each round) giving every cell ${TIMING.time} ms of CPU time (process.cpuUsage) in batches of ${TIMING.batch} calls; ops/s is calls per CPU second of the median round, spread is (fastest - slowest round) / median.`,
      'A goal ratio is taken round by round between two cells of the same round; it prints the median and the range over the rounds.',
      `Each cell cycles through ${INPUT_COPIES} equal copies of its input, the same objects for every engine.`,
      'The generated validator and runtime ajv collect every failure, as validateError reports them all; the generated guard, TypeBox and the hand guard stop at the first.',
      'zod v4 is called as schema.safeParse(data).success, TypeBox as TypeCompiler.Compile(schema).Check(data); every engine agrees on every input (test/bench/equivalence.test.ts).',
      'Subjects and peers come from scripts/bench/peers/<vendor>/ (ClaimRev is measured on its token-error schema: its API envelope accepts any body).',
    ],
  };
}

export const validatorsSuite: Suite = {
  name: 'validators',
  title:
    'Envelope validation: generated guard and validator vs runtime ajv, zod v4, TypeBox, hand guard (ops/s)',
  run: () => runValidatorsBench(),
};
