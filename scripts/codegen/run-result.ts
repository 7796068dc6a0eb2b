import { join } from 'node:path';
import { readJson } from './load-vendors.js';
import { standaloneValidatorsModule } from './validators.js';

export const RUN_RESULT_SCHEMA_FILE = 'schemas/meta/run-result.schema.json';

/**
 * The validator the JSON reporter runs before writing results.json. Generated like the envelope
 * validators so that writing a report needs no schema compiler at run time.
 */
export function runResultValidatorModule(root: string): string {
  const schema = readJson(join(root, RUN_RESULT_SCHEMA_FILE)) as { $id?: unknown };
  if (typeof schema.$id !== 'string') throw new Error(`${RUN_RESULT_SCHEMA_FILE} has no $id`);
  return standaloneValidatorsModule(
    [schema],
    { validateRunResult: schema.$id },
    RUN_RESULT_SCHEMA_FILE,
    'report',
    'src/report/validate-result.ts',
  );
}
