/**
 * Whether a parsed config file may be used: its shipped JSON Schema (compiled ahead of time) and
 * the checks a schema cannot express, every problem collected into one error, each naming its
 * place in the file and what to write there.
 */
import { checklistFor } from '../../conformance/checklist.js';
import type { OperationOverride } from '../../scenarios/types.js';
import { didYouMean } from '../../text/suggest.js';
import { isVendorId } from '../../vendors/registry.js';
import { crossCheckProblems } from './cross-checks.js';
import { inDocumentOrder } from './document-order.js';
import { configErrorOf, RunConfigError } from './errors.js';
import { shownPath } from './hints.js';
import { definition } from './schema-members.js';
import {
  type LocatedProblem,
  schemaProblems,
  validateOperation,
  validateRunConfig,
} from './schema-problems.js';
import type { RunConfigFile } from './types.js';

/**
 * Checks the parsed config file, so a mistake is reported with its JSON path
 * ("vendors.<id>.credentials.valid.value") rather than surfacing later as a refused request.
 * Every problem is reported, in one error, in the order the file has them.
 */
export function parseRunConfig(value: unknown, source: string): RunConfigFile {
  const problems: LocatedProblem[] = [
    ...(validateRunConfig(value) ? [] : schemaProblems(validateRunConfig.errors, value)),
    ...crossCheckProblems(value),
  ];
  if (problems.length === 0) return value as RunConfigFile;
  throw configErrorOf(
    inDocumentOrder(problems, value).map(({ path, message }) => `${source}: ${shownPath(path)} ${message}`),
  );
}

/**
 * An operation object read from an ERROR_CONTRACTS_<VENDOR>_OPERATION_<NAME> variable, held to the
 * rules of an operation object in the file; problems are named after the variable.
 */
export function guardOperationVariable(value: unknown, variable: string): OperationOverride {
  if (validateOperation(value)) return value;
  const problems = schemaProblems(validateOperation.errors, value, {
    at: ['vendors', '*', 'operations', '*'],
    shown: [variable],
    schema: definition('operation'),
  });
  throw configErrorOf(problems.map(({ path, message }) => `${shownPath(path)} ${message}`));
}

/**
 * Every check id named under vendors.<id>.checks must be one of that vendor's checks: a typo would
 * otherwise leave the override silently unused and the check failing against the sandbox.
 */
export function assertKnownCheckIds(file: RunConfigFile): void {
  for (const [vendorId, vendor] of Object.entries(file.vendors ?? {})) {
    if (!vendor?.checks || !isVendorId(vendorId)) continue;
    const known = new Set(checklistFor(vendorId).map((check) => check.id));
    for (const id of Object.keys(vendor.checks)) {
      if (!known.has(id)) {
        throw new RunConfigError(
          `vendors.${vendorId}.checks.${id} names no check of ${vendorId};${didYouMean(id, [...known])} "error-contracts checks --vendor ${vendorId}" lists them.`,
        );
      }
    }
  }
}
