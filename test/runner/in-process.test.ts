/**
 * The run command runs the embedded simulator's checks in its own process and a sandbox's through
 * vitest. Both must record the same thing for the same checks: same checks in the same order, same
 * outcomes, reasons, failures, drift and requests (timings, ports and generated ids aside).
 */
import { describe, expect, it } from 'vitest';
import { vendorIds } from '../../src/index.js';
import { type CheckMeta, checksToRun } from '../../src/runner/check-session.js';
import { runInProcess } from '../../src/runner/run-in-process.js';
import type { RunOptions } from '../../src/runner/run-options.js';
import { runWithVitest } from '../../src/runner/vitest/run-with-vitest.js';

/** What a report says about a check, without what differs between any two runs. */
const judged = ({ vendorId, result }: CheckMeta) => ({
  vendorId,
  id: result.id,
  path: result.path,
  title: result.title,
  outcome: result.outcome,
  reason: result.reason,
  failures: result.failures,
  drift: result.drift,
  requests: result.requests,
  simulatedWaitMs: result.simulatedWaitMs,
  exchanges: result.exchanges.length,
});

describe('a run in this process', () => {
  it('records what the same run through vitest records, check for check', { timeout: 120_000 }, async () => {
    const options: RunOptions = { target: 'local', vendors: [...vendorIds] };
    const started: string[] = [];
    const ended: string[] = [];
    const inProcess = await runInProcess(options, {
      onCheckStart: (title, vendor) => started.push(`${vendor}: ${title}`),
      onCheckEnd: (meta, vendor) => ended.push(`${vendor}: ${meta.result.title}`),
    });
    const throughVitest = await runWithVitest(options);
    expect(inProcess.errors).toEqual([]);
    expect(throughVitest.errors).toEqual([]);
    // The in-process loop goes in checklist order; vitest reports results as they arrive.
    const planned = options.vendors.flatMap((id) =>
      checksToRun(options, id).map((check) => `${id} ${check.id}`),
    );
    expect(inProcess.checks.map(({ vendorId, result }) => `${vendorId} ${result.id}`)).toEqual(planned);
    const inOrder = (checks: CheckMeta[]) =>
      [...checks].sort(
        (a, b) =>
          planned.indexOf(`${a.vendorId} ${a.result.id}`) - planned.indexOf(`${b.vendorId} ${b.result.id}`),
      );
    expect(inProcess.checks.length).toBeGreaterThan(100);
    expect(inProcess.checks.map(judged)).toEqual(inOrder(throughVitest.checks).map(judged));
    // Progress is told per check, start before end, with the vendor's name.
    expect(started).toEqual(ended);
    expect(started).toHaveLength(inProcess.checks.length);
    expect(started[0]).toMatch(/^ClaimRev: /);
  });

  it('runs only the checks named, and says why a target that cannot open ran nothing', async () => {
    const only = await runInProcess({ target: 'local', vendors: ['collate'], only: ['code.bad_request'] });
    expect(only.checks.map((check) => check.result.id)).toEqual(['code.bad_request']);
    const broken = await runInProcess({ target: 'replay', vendors: ['collate'] });
    expect(broken.checks).toEqual([]);
    expect(broken.configErrors).toEqual([expect.stringContaining('--cassettes')]);
    expect(broken.errors).toEqual([expect.stringMatching(/^RunConfigError: .*--cassettes/)]);
  });
});
