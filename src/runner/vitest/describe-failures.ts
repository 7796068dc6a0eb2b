import { formatValue } from '../../report/format.js';
import type { CheckResult } from '../../report/result.js';

/** A failed check as the text of a test failure: each broken promise with expected and actual. */
export function describeFailures(result: CheckResult): string {
  const lines = result.failures.map((failure) => {
    const parts = [failure.message];
    if (failure.expected !== undefined) parts.push(`expected ${formatValue(failure.expected)}`);
    if (failure.actual !== undefined) parts.push(`actual ${formatValue(failure.actual)}`);
    return `- ${parts.join('; ')}`;
  });
  return [`${result.id} failed:`, ...lines].join('\n');
}
