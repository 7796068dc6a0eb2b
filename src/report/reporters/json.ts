/**
 * results.json: the run result itself, for tools and for comparing runs. It is validated against
 * its published schema before it is written, so a consumer can trust the file matches the schema.
 */
import { InvalidRunResultError } from '../invalid-result-error.js';
import { runTotals } from '../outcome-counts.js';
import { redactRunResult } from '../redact.js';
import { OUTCOMES, type RunResult } from '../result.js';
import { validateRunResult } from '../validate-result.js';

/**
 * The redacted result as pretty-printed JSON. Throws InvalidRunResultError, naming every problem,
 * when the result breaks the schema or its totals disagree with its checks.
 */
export function renderJson(raw: RunResult): string {
  const result = redactRunResult(raw);
  const validation = validateRunResult(result);
  if (!validation.valid) throw new InvalidRunResultError(validation.issues);
  // The schema cannot relate totals to the checks, so that rule is checked here.
  const counted = runTotals(result.vendors);
  const wrong = OUTCOMES.filter((outcome) => counted[outcome] !== result.totals[outcome]);
  if (wrong.length > 0) {
    throw new InvalidRunResultError(
      wrong.map((outcome) => ({
        path: `/totals/${outcome}`,
        message: `says ${result.totals[outcome]} but the checks have ${counted[outcome]}`,
      })),
    );
  }
  return `${JSON.stringify(result, null, 2)}\n`;
}
