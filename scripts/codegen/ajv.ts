import { _ } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { formats } from '../../src/validation/runtime.js';

export interface StrictAjvOptions {
  /** Emit standalone code that reads formats from the package's own runtime module. */
  standalone?: boolean;
  /** Collect every failure (the default) or stop at the first, which is all a boolean guard needs. */
  allErrors?: boolean;
  /**
   * Compile each referenced definition once and call it, instead of copying it into every place
   * that names it: a schema whose large definition is named many times stays small.
   */
  callRefs?: boolean;
}

/**
 * An ajv instance in strict mode whose warnings are errors, so a schema that ajv would only
 * grumble about fails generation and the tests instead of slipping into the package.
 */
export function createStrictAjv(options: StrictAjvOptions = {}): Ajv2020 {
  const fail = (...args: unknown[]) => {
    throw new Error(`ajv warning treated as an error: ${args.map(String).join(' ')}`);
  };
  const ajv = new Ajv2020({
    strict: true,
    allErrors: options.allErrors ?? true,
    inlineRefs: !options.callRefs,
    logger: { log: () => {}, warn: fail, error: fail },
    ...(options.standalone
      ? { code: { source: true, esm: true, lines: true, formats: _`runtime.formats` } }
      : {}),
  });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  return ajv;
}
