/**
 * A real conformance run, not a fixture: every vendor's whole checklist against the embedded
 * simulator, each check recorded (and redacted) as a run records it, assembled into a result.
 */
import { runChecklist } from '../../src/conformance/execute.js';
import type { RunResult } from '../../src/report/result.js';
import { assembleResult } from '../../src/runner/assemble-result.js';
import { openLocalTarget, type SimulatorTargetOptions } from '../../src/runner/targets/simulator-targets.js';
import type { CheckMeta } from '../../src/runner/vitest/define-suite.js';
import { vendorIds } from '../../src/vendors/registry.js';

export async function simulatedRunResult(options: SimulatorTargetOptions = {}): Promise<RunResult> {
  const open = await openLocalTarget([...vendorIds], options);
  const startedAt = new Date();
  const checks: CheckMeta[] = [];
  try {
    const clock = { now: () => open.target.now(), sleep: (ms: number) => open.target.wait(ms) };
    for (const vendorId of vendorIds) {
      for (const check of await runChecklist(vendorId, open.target, { clock })) {
        checks.push({ vendorId, baseUrl: open.baseUrls.get(vendorId) ?? '', result: check });
      }
    }
  } finally {
    await open.close();
  }
  return assembleResult({ target: 'local', vendors: vendorIds }, checks, {
    startedAt,
    finishedAt: new Date(),
  });
}
