/**
 * A vitest reporter that gathers the CheckResults the conformance tests leave in their task meta,
 * tells the caller as each check starts and ends (for live progress), and keeps every error
 * vitest saw outside a check (a target that would not open, a crashed worker), so a run that
 * could not finish says why instead of reporting a short list as complete.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { CHECK_META_KEY, PROGRESS_ANNOTATION } from '../run-options.js';
import type { CheckMeta } from './define-suite.js';

export interface RunListener {
  onCheckStart?: (title: string, vendorName: string) => void;
  /** What a running check is doing now ("waiting 58 s (Retry-After: 58)"), as it starts doing it. */
  onCheckActivity?: (text: string, vendorName: string) => void;
  onCheckEnd?: (meta: CheckMeta, vendorName: string) => void;
}

export interface Collected {
  checks: CheckMeta[];
  /** Problems outside any check; non-empty means the run is incomplete. */
  errors: string[];
  /**
   * Among those, the configuration errors a worker raised as it opened the target (a fixtures
   * hook that failed, say), by message: the run was set up wrongly rather than cut short.
   */
  configErrors: string[];
}

const vendorNameOf = (testCase: TestCase) =>
  testCase.parent.type === 'suite' ? testCase.parent.name.replace(/ \(.*\)$/, '') : '';

type ReportedError = { message?: string; stack?: string; name?: string };

function errorText(error: ReportedError): string {
  return `${error.name ?? 'Error'}: ${error.message ?? String(error)}`;
}

function noteConfigError(collected: Collected, error: ReportedError): void {
  const message = error.message ?? '';
  if (error.name === 'RunConfigError' && !collected.configErrors.includes(message))
    collected.configErrors.push(message);
}

export function createCollector(listener: RunListener = {}): { reporter: Reporter; collected: Collected } {
  const collected: Collected = { checks: [], errors: [], configErrors: [] };
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
      for (const error of testCase.result().errors ?? []) {
        collected.errors.push(`${testCase.name}: ${errorText(error)}`);
        noteConfigError(collected, error);
      }
    },
    onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors) {
      for (const module of testModules) {
        for (const error of module.errors()) {
          collected.errors.push(errorText(error));
          noteConfigError(collected, error);
        }
      }
      for (const error of unhandledErrors) {
        collected.errors.push(errorText(error));
        noteConfigError(collected, error);
      }
    },
  };
  return { reporter, collected };
}
