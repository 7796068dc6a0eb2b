/**
 * The config schema's failures in words: each ajv error becomes one problem at the place in the
 * file it concerns, saying what the value must be or which members are known there. A value that
 * may take several forms (a string or { "env" }) fails once, as a whole, not once per form.
 */
import * as generated from '../../generated/run-config/validators.js';
import { parsePointer, readPointer } from '../../normalize/json-pointer.js';
import type { OperationOverride } from '../../scenarios/types.js';
import { didYouMean } from '../../text/suggest.js';
import type { CompiledValidator, CompiledValidatorError } from '../../validation/compiled.js';
import { hintAt } from './hints.js';
import { isJsonObject } from './json-object.js';
import { definition, membersAt } from './schema-members.js';
import type { RunConfigFile } from './types.js';

export const validateRunConfig = generated.validateRunConfig as unknown as CompiledValidator<RunConfigFile>;
export const validateOperation =
  generated.validateOperation as unknown as CompiledValidator<OperationOverride>;

/** One problem, at a location given as member names (for ordering and for the message). */
export interface LocatedProblem {
  path: readonly string[];
  message: string;
}

/**
 * Where a validated value sits: `at` is its location for the hints (a file path, or the path an
 * operation has in the file), `shown` how it is named in messages, `schema` the definition it
 * follows when that is not the whole file's schema (its form is then already chosen).
 */
export interface Frame {
  at: readonly string[];
  shown: readonly string[];
  schema?: Readonly<Record<string, unknown>>;
}

/** The problems in `value` that a validator's errors describe, each once. */
export function schemaProblems(
  errors: readonly CompiledValidatorError[] | null | undefined,
  value: unknown,
  frame: Frame = { at: [], shown: [] },
): LocatedProblem[] {
  const found = new Map<string, LocatedProblem>();
  const answered = new Set<string>();
  const keep = (problem: LocatedProblem) => found.set(JSON.stringify(problem), problem);
  for (const error of errors ?? []) {
    const path = parsePointer(error.instancePath);
    const choice = choiceAbove(path, frame);
    if (choice !== undefined) {
      const key = choice.join('/');
      if (answered.has(key)) continue;
      answered.add(key);
      choiceProblems(readPointer(value, choice), choice, frame).forEach(keep);
      continue;
    }
    keep(problemOf(error, path, frame));
  }
  return [...found.values()];
}

/** The shortest path at or above a failure where the value is a choice of forms. */
function choiceAbove(path: readonly string[], frame: Frame): readonly string[] | undefined {
  for (let length = frame.schema ? 1 : 0; length <= path.length; length++) {
    const prefix = path.slice(0, length);
    if (hintAt([...frame.at, ...prefix])?.choice) return prefix;
  }
  return undefined;
}

/** A choice of forms fails as a whole; an operation object is checked member by member instead. */
function choiceProblems(value: unknown, path: readonly string[], frame: Frame): LocatedProblem[] {
  const at = [...frame.at, ...path];
  const shown = [...frame.shown, ...path];
  const hint = hintAt(at);
  if (hint?.operation && isJsonObject(value) && !('env' in value)) {
    if (validateOperation(value)) return [];
    return schemaProblems(validateOperation.errors, value, { at, shown, schema: definition('operation') });
  }
  const must = typeof hint?.must === 'function' ? hint.must(value) : hint?.must;
  return [{ path: shown, message: must ?? 'is not valid here.' }];
}

function problemOf(error: CompiledValidatorError, path: readonly string[], frame: Frame): LocatedProblem {
  const shown = [...frame.shown, ...path];
  if (error.keyword === 'additionalProperties') {
    const name = String(error.params.additionalProperty);
    const known = membersAt(path, frame.schema);
    const what = hintAt([...frame.at, ...path])?.member ?? 'a known member';
    return {
      path: [...shown, name],
      message: `is not ${what} (${known.join(', ')}).${didYouMean(name, known)}`,
    };
  }
  const allowed = error.params.allowedValues;
  if (error.keyword === 'enum' && Array.isArray(allowed)) {
    return { path: shown, message: `must be one of ${allowed.join(', ')}.` };
  }
  const must = hintAt([...frame.at, ...path])?.must;
  return { path: shown, message: typeof must === 'string' ? must : `${error.message ?? 'is not valid'}.` };
}
