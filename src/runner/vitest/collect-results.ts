/**
 * A vitest reporter that gathers the CheckResults the conformance tests leave in their task meta,
 * tells the caller as each check starts and ends (for live progress), and keeps every error
 * vitest saw outside a check (a target that would not open, a crashed worker), so a run that
 * could not finish says why instead of reporting a short list as complete.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { CheckMeta } from '../check-session.js';
import { type Collected, emptyCollected, noteError, type RunListener } from '../collected.js';
import { CHECK_META_KEY, PROGRESS_ANNOTATION } from '../run-options.js';

export type { Collected, RunListener } from '../collected.js';

const vendorNameOf = (testCase: TestCase) =>
  testCase.parent.type === 'suite' ? testCase.parent.name.replace(/ \(.*\)$/, '') : '';

export function createCollector(listener: RunListener = {}): { reporter: Reporter; collected: Collected } {
  const collected = emptyCollected();
  const reporter: Reporter = {
    onTestCaseReady(testCase) {
      listener.onCheckStart?.(testCase.name, vendorNameOf(testCase));
    },
    onTestCaseAnnotate(testCase, annotation) {
      if (annotation.type === PROGRESS_ANNOTATION) {
        listener.onCheckActivity?.(annotation.message, vendorNameOf(testCase));
      }
    },
    onTestCaseResult(testCase) {
      const meta = testCase.meta()[CHECK_META_KEY] as CheckMeta | undefined;
      if (meta) {
        collected.checks.push(meta);
        listener.onCheckEnd?.(meta, vendorNameOf(testCase));
        return;
      }
      // A test that ended without a result never reached its check: the target failed first.
      for (const error of testCase.result().errors ?? []) noteError(collected, error, testCase.name);
    },
    onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors) {
      for (const module of testModules) {
        for (const error of module.errors()) noteError(collected, error);
      }
      for (const error of unhandledErrors) noteError(collected, error);
    },
  };
  return { reporter, collected };
}
