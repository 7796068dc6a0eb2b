/**
 * What the config schema cannot say, because it depends on the vendor's vocabulary or on a rule
 * shared with values read from the environment: operation and fact names the vendor's scenarios
 * use, the preflight's operation, the rule for an operation path, and how deep an override nests.
 * Each looks only at values of the right form; a value of the wrong form is the schema's problem.
 */
import { scenarioDataFor } from '../../scenarios/index.js';
import { didYouMean } from '../../text/suggest.js';
import { isVendorId, type VendorId } from '../../vendors/registry.js';
import { nestsDeeperThan } from './json-depth.js';
import { isJsonObject as isObject } from './json-object.js';
import type { LocatedProblem } from './schema-problems.js';

/** A request body override deeper than this is refused: no API's example body nests so far. */
const MAX_OVERRIDE_DEPTH = 64;

export const OPERATION_PATH_RULE =
  'must be a path starting with "/" (or {{operations.<name>}}), or an absolute URL.';

/** The one rule for an operation path, from the file or from a variable; blank counts as not given. */
export function isOperationPath(path: string): boolean {
  return path === '' || /^(\/|https?:\/\/|\{\{operations\.)/i.test(path);
}

const membersOf = (value: unknown): Array<[string, unknown]> =>
  isObject(value) ? Object.entries(value) : [];

const unknownName = (path: string[], name: string, names: readonly string[]): LocatedProblem => ({
  path,
  message: `is not one of this vendor's names.${didYouMean(name, names)} See "error-contracts checks" or "error-contracts init".`,
});

/** Every problem of these kinds in a parsed config file. */
export function crossCheckProblems(file: unknown): LocatedProblem[] {
  return membersOf(isObject(file) ? file.vendors : undefined).flatMap(([id, vendor]) =>
    isVendorId(id) && isObject(vendor) ? vendorProblems(id, vendor) : [],
  );
}

function vendorProblems(id: VendorId, vendor: Record<string, unknown>): LocatedProblem[] {
  const at = ['vendors', id];
  const vocabulary = scenarioDataFor(id);
  const operations = Object.keys(vocabulary.operations);
  const facts = Object.keys(vocabulary.facts);
  const problems: LocatedProblem[] = [];
  for (const [name, operation] of membersOf(vendor.operations)) {
    const here = [...at, 'operations', name];
    if (!operations.includes(name)) problems.push(unknownName(here, name, operations));
    const path = isObject(operation) ? operation.path : operation;
    if (typeof path === 'string' && !isOperationPath(path)) {
      problems.push({ path: isObject(operation) ? [...here, 'path'] : here, message: OPERATION_PATH_RULE });
    }
  }
  for (const [name] of membersOf(vendor.facts)) {
    if (!facts.includes(name)) problems.push(unknownName([...at, 'facts', name], name, facts));
  }
  const preflight = isObject(vendor.preflight) ? vendor.preflight.operation : undefined;
  if (typeof preflight === 'string' && !operations.includes(preflight)) {
    problems.push({
      path: [...at, 'preflight', 'operation'],
      message: `is not one of this vendor's operations.${didYouMean(preflight, operations)}`,
    });
  }
  for (const [checkId, override] of membersOf(vendor.checks)) {
    const json = isObject(override) && isObject(override.request) ? override.request.json : undefined;
    if (json !== undefined && nestsDeeperThan(json, MAX_OVERRIDE_DEPTH)) {
      problems.push({
        path: [...at, 'checks', checkId, 'request', 'json'],
        message: `nests deeper than ${MAX_OVERRIDE_DEPTH} levels.`,
      });
    }
  }
  return problems;
}
