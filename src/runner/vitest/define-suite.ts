/**
 * The conformance checklists as vitest suites: a describe block per vendor and a test per check.
 * The repository's own suites and the `run` command both come through here, so what CI checks is
 * exactly what a user runs. Each test records its CheckResult in the task's meta, where the run
 * command's reporter collects it; a failed check fails its test, and a check that did not run is
 * skipped with its reason as the note.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ErrorContractsError } from '../../errors.js';
import type { CheckResult } from '../../report/result.js';
import { getVendor, type VendorId } from '../../vendors/registry.js';
import { type CheckMeta, type CheckSession, checksToRun, openCheckSession } from '../check-session.js';
import type { RunOptions } from '../run-options.js';
import { CHECK_META_KEY, PROGRESS_ANNOTATION } from '../run-options.js';
import type { SimulatorTargetOptions } from '../targets/simulator-targets.js';
import { describeFailures } from './describe-failures.js';

export type { CheckMeta } from '../check-session.js';

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
  let session: CheckSession | undefined;
  beforeAll(async () => {
    session = await openCheckSession(options, options.simulator);
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const vendorId of options.vendors) {
    describe(`${getVendor(vendorId).name} (${options.target})`, () => {
      for (const check of checksToRun(options, vendorId)) {
        it(check.title, async ({ task, skip, annotate }) => {
          if (!session)
            throw new ErrorContractsError(
              'ERR_INTERNAL',
              'The target did not open; see the error from beforeAll.',
            );
          const meta = await session.run(vendorId, check, (text) => annotate(text, PROGRESS_ANNOTATION));
          task.meta[CHECK_META_KEY] = meta;
          const { result } = meta;
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
