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
  /** Each round's ops/s, in round order, so that ratios between cases can be taken round by round. */
  rounds: readonly number[];
}

export interface MeasureOptions {
  /** Untimed budget per case before the first round, in ms, so every case is timed in optimised code. */
  warmupTime: number;
  /** Rounds in which every case is timed once, in turn. */
  rounds: number;
  /** CPU time per case and round, in ms. */
  time: number;
  /** Calls per batch: one validation takes well under a microsecond, below the clock's grain. */
  batch: number;
}

type LoopFactory = (
  check: Case['check'],
  inputs: readonly unknown[],
  expected: boolean,
  batch: number,
) => () => void;

/**
 * Builds the batch loop of one case from source, so that each case gets a function of its own.
 * V8 shares type feedback between closures made from the same function literal: one shared loop
 * would see a megamorphic call site after the first few cases and stop inlining, penalising the
 * small hand guards most and making the results depend on the order the cases run in. A loop per
 * case keeps each call site monomorphic, as it is in an application that calls one validator.
 */
function loopFor(testCase: Case, batch: number): () => void {
  if (testCase.inputs.length !== INPUT_COPIES)
    throw new Error(`${testCase.name} needs ${INPUT_COPIES} inputs`);
  const factory = new Function(
    'check',
    'inputs',
    'expected',
    'batch',
    `return function batchLoop() {
      let agreed = 0;
      const mask = inputs.length - 1;
      for (let i = 0; i < batch; i++) if (check(inputs[i & mask]) === expected) agreed++;
      // Using the verdicts keeps the calls from being optimised away and proves they were right.
      if (agreed !== batch) throw new Error('expected ' + expected + ' on every call of ' + ${JSON.stringify(testCase.name)});
    };`,
  ) as LoopFactory;
  return factory(testCase.check, testCase.inputs, testCase.expected, batch);
}

/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The median, smallest and largest of some figures. */
export interface Range {
  median: number;
  min: number;
  max: number;
}

export function rangeOf(values: readonly number[]): Range {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * `numerator / denominator` round by round: the two cases ran in the same round, moments apart,
 * so each ratio compares them under the same machine load, and the range shows how far it moved.
 */
export function roundRatios(numerator: Measurement, denominator: Measurement): Range {
  return rangeOf(numerator.rounds.map((value, round) => value / (denominator.rounds[round] ?? Number.NaN)));
}

/** This process's CPU time (user and system, every thread) in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Runs whole batches until `budgetMs` of this process's CPU time has passed; returns calls per
 * CPU second. CPU time rather than wall time, so that the time this process waits for a core on a
 * loaded machine is not charged to whichever case happened to be running. Garbage collection is
 * charged to the case that caused it, as it is part of that engine's real cost (zod allocates an
 * output object).
 */
export function runSlice(batchLoop: () => void, batch: number, budgetMs: number): number {
  let calls = 0;
  const start = cpuMs();
  let elapsed = 0;
  do {
    batchLoop();
    calls += batch;
    elapsed = cpuMs() - start;
  } while (elapsed < budgetMs);
  return (calls / elapsed) * 1000;
}

/**
 * The order the cases run in during round `round`: rotated by one each round and reversed every
 * other round, so that no case is always first (after a switch, caches and the branch predictor
 * are cold) or always follows the same neighbour.
 */
export function roundOrder<T>(items: readonly T[], round: number): T[] {
  const shift = round % Math.max(1, items.length);
  const rotated = [...items.slice(shift), ...items.slice(0, shift)];
  return round % 2 === 1 ? rotated.reverse() : rotated;
}

/**
 * Times the cases in this process in interleaved rounds: every case gets one CPU-time slice per
 * round, in an order that changes from round to round, so a change in machine load hits all cases
 * alike instead of whichever ran then, and the median round discards a disturbed one.
 */
export function measure(cases: readonly Case[], options: MeasureOptions): Measurement[] {
  // The loops are built once and reused by every round, so later rounds run the optimised code.
  const loops = cases.map((testCase) => ({ name: testCase.name, loop: loopFor(testCase, options.batch) }));
  for (const { loop } of loops) runSlice(loop, options.batch, options.warmupTime);
  const perRound = new Map<string, number[]>(cases.map((testCase) => [testCase.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const { name, loop } of roundOrder(loops, round)) {
      perRound.get(name)?.push(runSlice(loop, options.batch, options.time));
    }
  }
  return cases.map(({ name }) => {
    const rounds = perRound.get(name) ?? [];
    const middle = median(rounds);
    return {
      name,
      opsPerSecond: middle,
      spread: ((Math.max(...rounds) - Math.min(...rounds)) / middle) * 100,
      rounds,
    };
  });
}
