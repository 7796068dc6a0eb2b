/**
 * The conformance checklists as vitest suites: a describe block per vendor and a test per check.
 * The repository's own suites and the `run` command both come through here, so what CI checks is
 * exactly what a user runs. Each test records its CheckResult in the task's meta, where the run
 * command's reporter collects it; a failed check fails its test, and a check that did not run is
 * skipped with its reason as the note.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { checklistFor } from '../../conformance/checklist.js';
import { runCheck } from '../../conformance/execute.js';
import { ErrorContractsError } from '../../errors.js';
import type { CheckResult } from '../../report/result.js';
import { getVendor, type VendorId } from '../../vendors/registry.js';
import { type CassetteRecorder, recordCassettes } from '../cassettes/record.js';
import type { RunOptions } from '../run-options.js';
import { CHECK_META_KEY, PROGRESS_ANNOTATION } from '../run-options.js';
import { announcingWaits } from '../targets/announcing-waits.js';
import { openTarget } from '../targets/open-target.js';
import type { OpenTarget, SimulatorTargetOptions } from '../targets/simulator-targets.js';
import { describeFailures } from './describe-failures.js';

export interface CheckMeta {
  vendorId: VendorId;
  baseUrl: string;
  result: CheckResult;
}

declare module 'vitest' {
  interface TaskMeta {
    [CHECK_META_KEY]?: CheckMeta;
  }
}

export interface ConformanceSuiteOptions extends RunOptions {
  /** Passed to the embedded simulator (local and nock targets): a drift variant, for example. */
  simulator?: SimulatorTargetOptions;
  /** Called with every result as it is recorded, for suites that assert more than pass or fail. */
  onResult?: (vendorId: VendorId, result: CheckResult) => void;
}

export function defineConformanceSuite(options: ConformanceSuiteOptions): void {
  let open: OpenTarget | undefined;
  let recorder: CassetteRecorder | undefined;
  beforeAll(async () => {
    open = await openTarget(options, options.simulator);
    if (options.record) {
      recorder = recordCassettes(open.target, options.vendors);
      open = { ...open, target: recorder.target };
    }
  });
  afterAll(async () => {
    try {
      if (recorder && options.record) await recorder.write(options.record);
    } finally {
      await open?.close();
    }
  });

  for (const vendorId of options.vendors) {
    describe(`${getVendor(vendorId).name} (${options.target})`, () => {
      for (const check of checklistFor(vendorId)) {
        if (options.only && !options.only.includes(check.id)) continue;
        it(check.title, async ({ task, skip, annotate }) => {
          if (!open)
            throw new ErrorContractsError(
              'ERR_INTERNAL',
              'The target did not open; see the error from beforeAll.',
            );
          // Only a sandbox waits in real time; elsewhere a wait is over before it could be shown.
          const target =
            options.target === 'sandbox'
              ? announcingWaits(open.target, (text) => annotate(text, PROGRESS_ANNOTATION))
              : open.target;
          const clock = { now: () => target.now(), sleep: (ms: number) => target.wait(ms) };
          const result = await runCheck(vendorId, target, check, clock);
          task.meta[CHECK_META_KEY] = { vendorId, baseUrl: open.baseUrls.get(vendorId) ?? '', result };
          options.onResult?.(vendorId, result);
          if (result.outcome === 'fail')
            throw new ErrorContractsError('ERR_CHECK_FAILED', describeFailures(result));
          if (result.outcome === 'skipped' || result.outcome === 'not_applicable') {
            skip(`${result.outcome === 'skipped' ? 'skipped' : 'not applicable'}: ${result.reason}`);
          }
        });
      }
    });
  }
}
