/**
 * Verdicts do not depend on how busy the machine is. ky is the client most exposed: its 10 s
 * timeout is a virtual timer that fires whenever the clock moves on while a reply is still being
 * delivered by nock's real timers. The same check runs 20 times while the event loop is made to
 * lag (a real interval that keeps the thread busy 15 ms in every 20, as a loaded machine does, and
 * leaves short real timers of its own behind, as a test runner does),
 * and every run must give the same verdicts, reasons and request counts.
 */
import { setInterval as realSetInterval, setTimeout as realSetTimeout } from 'node:timers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClient } from '../../src/client-check/index.js';
import type { ClientCheckResult } from '../../src/client-check/types.js';
import { isolateNetwork } from '../helpers/nock-isolation.js';
import { impatientClient } from './clients/impatient.js';
import { kyClient } from './third-party/ky.js';

isolateNetwork({ strict: false });

const RUNS = 20;
/** Each tick of the load keeps the thread busy this long, and leaves a short real timer behind. */
const LAG_MS = 15;
const TICK_MS = 20;

/** What must not vary between runs: each rule's outcome and reason, and the requests sent. */
function fingerprint(result: ClientCheckResult) {
  return {
    requests: result.requests,
    virtualTimeMs: result.virtualTimeMs,
    verdicts: result.verdicts.map(({ rule, outcome, reason }) => ({ rule, outcome, reason })),
  };
}

describe('client-check verdicts on a lagging event loop', () => {
  let lag: ReturnType<typeof realSetInterval> | undefined;
  let lagged = 0;
  beforeAll(() => {
    // From node:timers, so the virtual clock a check installs does not replace it.
    lag = realSetInterval(() => {
      lagged++;
      const until = performance.now() + LAG_MS;
      while (performance.now() < until) {
        // Busy, as a machine running other work is.
      }
      // Someone else's real timers come and go meanwhile, as a test runner's do.
      realSetTimeout(() => {}, 3);
    }, TICK_MS);
  });
  afterAll(() => {
    if (lag) clearInterval(lag);
  });

  it(`ky against Collate gives the same verdicts ${RUNS} times in a row`, async () => {
    const runs: ReturnType<typeof fingerprint>[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(fingerprint(await checkClient('collate', kyClient)));
    expect(lagged, 'the event loop was made to lag during the runs').toBeGreaterThan(RUNS);
    const [first] = runs;
    expect(first?.verdicts.length).toBeGreaterThan(5);
    for (const [index, run] of runs.entries()) expect(run, `run ${index + 1}`).toEqual(first);
  }, 240_000);

  it('a client that abandons a held write and sends it again gets the same verdicts 5 times in a row', async () => {
    // The abandoned copy is held on the virtual clock while the repeat is on its way: the clock
    // may move for the one and must not for the other.
    const runs: ReturnType<typeof fingerprint>[] = [];
    for (let run = 0; run < 5; run++) runs.push(fingerprint(await checkClient('claimrev', impatientClient)));
    const [first] = runs;
    expect(first?.verdicts.find((verdict) => verdict.rule === 'write.timed_out')?.outcome).not.toBe('obeyed');
    for (const [index, run] of runs.entries()) expect(run, `run ${index + 1}`).toEqual(first);
  }, 120_000);
});
