import { Bench } from 'tinybench';

/** One timed case: a check called on copies of one input, which must always give `expected`. */
export interface Case {
  name: string;
  check: (data: unknown) => boolean;
  /**
   * Equal copies of the input, cycled through. With a single object, V8 can hoist the loads of a
   * small inlined check out of the loop and time an empty loop; distinct objects of the same shape
   * keep every call honest, as in an application where each response is a fresh parse.
   */
  inputs: readonly unknown[];
  expected: boolean;
}

/** How many copies of each input a case cycles through; a power of two, so a mask picks one. */
export const INPUT_COPIES = 16;

/** The copies a case needs, each a deep clone with the same property order and so the same shape. */
export function copiesOf(input: unknown): unknown[] {
  return Array.from({ length: INPUT_COPIES }, () => structuredClone(input));
}

export interface Measurement {
  name: string;
  /** Median over the rounds of each round's ops/s. */
  opsPerSecond: number;
  /** (slowest round - fastest round) / median, in percent: how much the figure moved during the run. */
  spread: number;
}

export interface MeasureOptions {
  /** Untimed budget per case before the first round, in ms, so every case is timed in optimised code. */
  warmupTime: number;
  /** Rounds in which every case is timed once, in turn. */
  rounds: number;
  /** Timed budget per case and round, in ms. */
  time: number;
  /** Calls per sample: one validation takes well under a microsecond, below the timer's grain. */
  batch: number;
}

type Now = () => number;
type Sample = { overriddenDuration: number; overriddenIterationCost: number };
type LoopFactory = (
  check: Case['check'],
  inputs: readonly unknown[],
  expected: boolean,
  batch: number,
  now: Now,
) => () => Sample;

/**
 * Builds the timed loop of one case from source, so that each case gets a function of its own.
 * V8 shares type feedback between closures made from the same function literal: one shared loop
 * would see a megamorphic call site after the first few cases and stop inlining, penalising the
 * small hand guards most and making the results depend on the order the cases run in. A loop per
 * case keeps each call site monomorphic, as it is in an application that calls one validator.
 */
function loopFor(testCase: Case, batch: number, now: Now): () => Sample {
  if (testCase.inputs.length !== INPUT_COPIES)
    throw new Error(`${testCase.name} needs ${INPUT_COPIES} inputs`);
  const factory = new Function(
    'check',
    'inputs',
    'expected',
    'batch',
    'now',
    `return function timedLoop() {
      let agreed = 0;
      const mask = inputs.length - 1;
      const start = now();
      for (let i = 0; i < batch; i++) if (check(inputs[i & mask]) === expected) agreed++;
      const elapsed = now() - start;
      // Using the verdicts keeps the calls from being optimised away and proves they were right.
      if (agreed !== batch) throw new Error('expected ' + expected + ' on every call of ' + ${JSON.stringify(testCase.name)});
      return { overriddenDuration: elapsed / batch, overriddenIterationCost: elapsed };
    };`,
  ) as LoopFactory;
  return factory(testCase.check, testCase.inputs, testCase.expected, batch, now);
}

/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Times the cases in this process with tinybench, in rounds: every case once per round, so a
 * change in machine load during the run hits all cases alike instead of whichever ran then, and
 * the median round discards a disturbed one. Within a round, ops/s comes from the mean time per
 * call rather than the median: garbage collection caused by an engine that allocates (zod builds
 * an output object) is part of that engine's real cost.
 */
export function measure(cases: readonly Case[], options: MeasureOptions): Measurement[] {
  // The loops are built once and reused by every round, so later rounds run the optimised code.
  const loops = cases.map((testCase) => ({
    name: testCase.name,
    loop: loopFor(testCase, options.batch, performance.now.bind(performance)),
  }));
  const perRound = new Map<string, number[]>(cases.map((testCase) => [testCase.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({
      time: options.time,
      warmup: round === 0,
      warmupTime: options.warmupTime,
      iterations: 10,
      warmupIterations: 10,
      throws: true,
    });
    for (const { name, loop } of loops) bench.add(name, loop);
    bench.runSync();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`${task.name} did not complete: ${result.state}`);
      perRound.get(task.name)?.push(1000 / result.latency.mean);
    }
  }
  return cases.map(({ name }) => {
    const rounds = perRound.get(name) ?? [];
    const middle = median(rounds);
    return {
      name,
      opsPerSecond: middle,
      spread: ((Math.max(...rounds) - Math.min(...rounds)) / middle) * 100,
    };
  });
}
