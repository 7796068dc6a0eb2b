import standaloneCode from 'ajv/dist/standalone/index.js';
import { createStrictAjv } from './ajv.js';
import { generatedBanner } from './banner.js';
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

/**
 * Compiles schemas into standalone ESM validator code, one export per entry of `refs` (export name to
 * schema $id). The result imports nothing but the package's runtime helpers, so consumers never
 * compile schemas at import time and never install ajv. The `report` flavour collects every failure;
 * the `guard` flavour stops at the first, since a type guard only answers yes or no.
 */
export function standaloneValidatorsModule(
  schemas: readonly object[],
  refs: Record<string, string>,
  sources: string,
  flavour: ValidatorFlavour,
  typedBy = './index.ts',
  { callRefs = false }: { callRefs?: boolean } = {},
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
  code = dropUnreadSchemaConstants(code);
  return [
    generatedBanner(sources),
    `// @ts-nocheck: ajv standalone output (${flavour === 'report' ? 'every failure reported' : 'stops at the first failure'}), typed by ${typedBy}.`,
    "import * as runtime from '../../validation/runtime.js';",
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
  return standaloneValidatorsModule(schemas, refs, files, flavour);
}
