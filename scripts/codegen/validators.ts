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
 * Compiles one vendor's envelope schemas into standalone ESM validator code. The result imports
 * nothing but the package's runtime helpers, so consumers never compile schemas at import time
 * and never install ajv.
 */
export function vendorValidatorsModule(vendor: VendorSource): string {
  const ajv = createStrictAjv({ standalone: true });
  const refs: Record<string, string> = {};
  for (const envelope of vendor.envelopes) {
    const schema = vendor.schemas[envelope.name];
    const id = schema?.$id;
    if (typeof id !== 'string') throw new Error(`${vendor.id}/${envelope.file} has no $id`);
    ajv.addSchema(schema as object);
    refs[validatorExportName(envelope.name)] = id;
  }
  let code = standaloneCode.default(ajv, refs);
  for (const [from, to] of RUNTIME_REWRITES) code = code.split(from).join(to);
  if (code.includes('require(')) {
    throw new Error(
      `standalone code for ${vendor.id} still requires a module: ${/require\([^)]*\)/.exec(code)?.[0]}`,
    );
  }
  code = code.replace(/^"use strict";/, '');
  const files = vendor.envelopes.map((envelope) => `schemas/${vendor.id}/${envelope.file}`).join(', ');
  return [
    generatedBanner(files),
    '// @ts-nocheck: ajv standalone output, typed by ./index.ts.',
    "import * as runtime from '../../validation/runtime.js';",
    code,
  ].join('\n');
}
