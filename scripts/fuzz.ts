/**
 * `npm run fuzz`: the property suite with many more runs than the normal test suite gives it.
 * FUZZ_RUNS sets the runs per property per vendor (100,000 by default); there is no time limit.
 */
import { startVitest } from 'vitest/node';

const runs = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 100_000;
process.env.FUZZ_RUNS = String(runs);
console.log(`fuzzing with ${runs} runs per property per vendor`);

const vitest = await startVitest('test', ['test/property/'], {
  run: true,
  testTimeout: 0,
  typecheck: { enabled: false },
});
await vitest.close();
process.exitCode = vitest.state.getCountOfFailedTests() > 0 ? 1 : (process.exitCode ?? 0);
