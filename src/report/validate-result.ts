import * as generated from '../generated/run-result/validators.js';
import type { CompiledValidator } from '../validation/compiled.js';
import { toIssues, type ValidationIssue } from '../validation/issues.js';
import type { RunResult } from './result.js';

const validator = generated.validateRunResult as unknown as CompiledValidator<RunResult>;

export type RunResultValidation =
  | { valid: true; result: RunResult }
  | { valid: false; issues: ValidationIssue[] };

/** Checks a value against schemas/meta/run-result.schema.json, reporting every failure with its path. */
export function validateRunResult(value: unknown): RunResultValidation {
  if (validator(value)) return { valid: true, result: value };
  return { valid: false, issues: toIssues(validator.errors) };
}
