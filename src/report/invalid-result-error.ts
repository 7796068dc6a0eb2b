import { ErrorContractsError } from '../errors.js';
import type { ValidationIssue } from '../validation/issues.js';
import { displayPath } from '../validation/issues.js';

/** A run result that does not match schemas/meta/run-result.schema.json; a bug in whatever built it. */
export class InvalidRunResultError extends ErrorContractsError {
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const listed = issues.map((issue) => `  ${displayPath(issue.path)}: ${issue.message}`).join('\n');
    super(
      'ERR_INVALID_RUN_RESULT',
      `The run result does not match schemas/meta/run-result.schema.json:\n${listed}`,
    );
    this.name = 'InvalidRunResultError';
    this.issues = issues;
  }
}
