import type { CompiledValidatorError } from './compiled.js';

/** A validation failure as data: where in the body (a JSON Pointer, "" for the root) and what. */
export interface ValidationIssue {
  path: string;
  message: string;
}

function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * ajv reports a missing property at its parent; users want the pointer of the property itself,
 * so `required` errors get the property name appended.
 */
export function toIssues(errors: readonly CompiledValidatorError[] | null | undefined): ValidationIssue[] {
  return (errors ?? []).map((error) => {
    const missing = error.keyword === 'required' ? error.params.missingProperty : undefined;
    const path =
      typeof missing === 'string'
        ? `${error.instancePath}/${escapePointerToken(missing)}`
        : error.instancePath;
    const allowed = error.keyword === 'enum' ? error.params.allowedValues : undefined;
    const suffix = Array.isArray(allowed) ? `: ${allowed.map((v) => JSON.stringify(v)).join(', ')}` : '';
    return { path, message: `${error.message ?? `fails ${error.keyword}`}${suffix}` };
  });
}

/** "/error/code" or "(root)": how a pointer is shown to a person. */
export function displayPath(path: string): string {
  return path === '' ? '(root)' : path;
}
