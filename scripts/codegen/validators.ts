import standaloneCode from 'ajv/dist/standalone/index.js';
import { createStrictAjv } from './ajv.js';
import { generatedBanner } from './banner.js';
import { guardPredicates } from './guard-predicate.js';
import type { VendorSource } from './load-vendors.js';

/** ajv hard-codes these requires; each is rewritten to the package's own runtime module. */
const RUNTIME_REWRITES: ReadonlyArray<[string, string]> = [
  ['require("ajv/dist/runtime/ucs2length").default', 'runtime.ucs2length'],
  ['require("ajv/dist/runtime/equal").default', 'runtime.equal'],
];

export function validatorExportName(envelopeName: string): string {
  return `validate${envelopeName[0]?.toUpperCase()}${envelopeName.slice(1)}`;
}

/**
 * `minLength: 1` compiles to a full code-point count of the string, yet a string has at least one
 * code point exactly when it has at least one UTF-16 unit. Rewriting that comparison to `.length`
 * keeps the answer and removes the main cost of validating short ids.
 */
function shortcutNonEmptyChecks(code: string): string {
  const counters = [...code.matchAll(/const (func\d+) = runtime\.ucs2length;/g)].map((m) => m[1]);
  let result = code;
  for (const counter of counters) {
    result = result.replace(new RegExp(`\\b${counter}\\((data\\d*)\\) < 1\\b`, 'g'), '$1.length < 1');
  }
  return result;
}

/**
 * ajv emits each schema as a constant for its own bookkeeping even where no code reads it. The
 * package exports the schemas once already, so unread copies only cost parse time at import.
 */
function dropUnreadSchemaConstants(code: string): string {
  return code
    .split('\n')
    .filter((line) => {
      const name = /^const (schema\d+) = .*;$/.exec(line)?.[1];
      return name === undefined || code.split(name).length > 2;
    })
    .join('\n');
}

export type ValidatorFlavour = 'report' | 'guard';

const ERROR_LINE = /^validate\d+\.errors = \[\{.*\}\];$/;
const SIGNATURE =
  /^(function validate\d+)\(data, \{instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors=\{\}\}=\{\}\)\{$/gm;
const LOCATION_NAMES = /\b(instancePath|parentData|parentDataProperty|rootData|dynamicAnchors)\b/;

/**
 * A guard only answers yes or no, so the error object ajv builds before each `return false` (five
 * members and a concatenated message) is never read, yet it made a rejected body cost several
 * times what a hand-written guard pays. Without error objects nothing locates a failure, so the
 * options parameter that carries the location (an object allocated on every call) goes too, but
 * only when no code is left that reads it.
 */
function dropGuardErrors(code: string): string {
  const lines = code.split('\n');
  const kept = lines.filter(
    (line, index) => !(ERROR_LINE.test(line) && lines[index + 1] === 'return false;'),
  );
  const withoutErrors = kept.join('\n');
  if (LOCATION_NAMES.test(withoutErrors.replace(SIGNATURE, ''))) return withoutErrors;
  return withoutErrors.replace(SIGNATURE, '$1(data){');
}

const RUNTIME_IMPORT = "import * as runtime from '../../validation/runtime.js';";
const EXPORT_LINE = /^export const (\w+) = (validate\d+);$/gm;

/** The local name, in the reporting module, of the guard imported for one of its exports. */
function predicateName(exportName: string): string {
  return exportName.replace(/^validate/, 'passes');
}

/**
 * Puts the straight-line guard in front of each reporting validator: most bodies a client checks
 * are valid, and the guard answers those without the counters and annotation state the reporting
 * code keeps. Only a body it rejects runs ajv's code, which collects every failure, so `errors` is
 * exactly what ajv alone reports (null for a valid body). The guards are imported from their own
 * module rather than written twice.
 */
function withValidFastPath(code: string, guardsFrom: string): string {
  const imports: string[] = [];
  const wrappers: string[] = [];
  const withoutExports = code.replace(EXPORT_LINE, (_line, name: string, validate: string) => {
    imports.push(`${name} as ${predicateName(name)}`);
    wrappers.push(
      [
        `export function ${name}(data) {`,
        `if (${predicateName(name)}(data)) {`,
        `${name}.errors = null;`,
        'return true;',
        '}',
        `const valid = ${validate}(data);`,
        `${name}.errors = ${validate}.errors;`,
        'return valid;',
        '}',
      ].join('\n'),
    );
    return '';
  });
  return [`import { ${imports.join(', ')} } from '${guardsFrom}';`, ...wrappers, withoutExports].join('\n');
}

/** ajv's standalone code for `refs`, made self-contained and trimmed of what is never read. */
function ajvModuleCode(
  schemas: readonly object[],
  refs: Record<string, string>,
  sources: string,
  flavour: ValidatorFlavour,
  callRefs: boolean,
): string {
  const ajv = createStrictAjv({ standalone: true, allErrors: flavour === 'report', callRefs });
  for (const schema of schemas) ajv.addSchema(schema);
  let code = standaloneCode.default(ajv, refs);
  for (const [from, to] of RUNTIME_REWRITES) code = code.split(from).join(to);
  if (code.includes('require(')) {
    throw new Error(
      `standalone code for ${sources} still requires a module: ${/require\([^)]*\)/.exec(code)?.[0]}`,
    );
  }
  code = shortcutNonEmptyChecks(code.replace(/^"use strict";/, ''));
  if (flavour === 'guard') code = dropGuardErrors(code);
  return dropUnreadSchemaConstants(code);
}

/** The straight-line predicates for `refs`, when each names a whole schema guard-predicate.ts compiles. */
function predicatesFor(schemas: readonly object[], refs: Record<string, string>, sources: string) {
  const byId = new Map(schemas.map((schema) => [(schema as { $id?: unknown }).$id, schema]));
  return guardPredicates(
    Object.entries(refs).map(([name, id]) => {
      const schema = byId.get(id);
      if (!schema) throw new Error(`${sources}: no schema with $id ${id}`);
      return [name, schema as Record<string, unknown>] as const;
    }),
  );
}

export interface StandaloneOptions {
  /** The guard module a reporting validator asks first (see withValidFastPath). */
  guardsFrom?: string;
  /** Call a referenced definition instead of copying it into each place that names it. */
  callRefs?: boolean;
}

/**
 * Compiles schemas into standalone ESM validator code, one export per entry of `refs` (export name to
 * schema $id). The result imports nothing but the package's runtime helpers, so consumers never
 * compile schemas at import time and never install ajv. The `report` flavour collects every failure;
 * the `guard` flavour answers yes or no. Where every schema uses only keywords that
 * guard-predicate.ts compiles, a guard is that straight-line predicate, and a reporting validator
 * asks the guard module at `guardsFrom` (when given) first; otherwise both are ajv's code.
 */
export function standaloneValidatorsModule(
  schemas: readonly object[],
  refs: Record<string, string>,
  sources: string,
  flavour: ValidatorFlavour,
  typedBy = './index.ts',
  { guardsFrom, callRefs = false }: StandaloneOptions = {},
): string {
  const predicates = flavour === 'guard' || guardsFrom ? predicatesFor(schemas, refs, sources) : undefined;
  let code: string;
  let kind: string;
  if (flavour === 'guard' && predicates) {
    code = [...predicates.constants, ...predicates.functions.map((source) => `export ${source}`)].join('\n');
    kind = 'straight-line guards, stop at the first failure';
  } else {
    code = ajvModuleCode(schemas, refs, sources, flavour, callRefs);
    if (flavour === 'report' && predicates && guardsFrom) code = withValidFastPath(code, guardsFrom);
    kind =
      flavour === 'report'
        ? 'ajv standalone output, every failure reported'
        : 'ajv standalone output, stops at the first failure';
  }
  return [
    generatedBanner(sources),
    `// @ts-nocheck: ${kind}, typed by ${typedBy}.`,
    RUNTIME_IMPORT,
    code,
  ].join('\n');
}

/** One vendor's envelope validators, one export per envelope schema. */
export function vendorValidatorsModule(vendor: VendorSource, flavour: ValidatorFlavour): string {
  const refs: Record<string, string> = {};
  const schemas = vendor.envelopes.map((envelope) => {
    const schema = vendor.schemas[envelope.name];
    const id = schema?.$id;
    if (typeof id !== 'string') throw new Error(`${vendor.id}/${envelope.file} has no $id`);
    refs[validatorExportName(envelope.name)] = id;
    return schema as object;
  });
  const files = vendor.envelopes.map((envelope) => `schemas/${vendor.id}/${envelope.file}`).join(', ');
  return standaloneValidatorsModule(schemas, refs, files, flavour, './index.ts', {
    guardsFrom: './guards.js',
  });
}
