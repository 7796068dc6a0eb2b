import { parseArgs } from 'node:util';
import { plural } from '../../text/plural.js';
import { renderTable } from '../../text/table.js';
import { validateError } from '../../validation/validate-error.js';
import { getVendor, vendorIds } from '../../vendors/registry.js';
import { type CliIo, type Command, EXIT } from '../io.js';

export const summaryHelp = `error-contracts summary

For every vendor: validates each example in its envelope schemas against the compiled validator,
and prints how many codes its catalog holds, how many statuses are documented or inferred, and how
many ambiguities in its docs are recorded. Exit code 1 if any example fails.`;

export async function summaryCommand(args: string[], io: CliIo): Promise<number> {
  // It takes no options, and says so: a flag meant for another command must not pass unnoticed.
  parseArgs({ args, options: {}, strict: true, allowPositionals: false });
  const failures: string[] = [];
  const rows = vendorIds.map((id) => {
    const vendor = getVendor(id);
    let examples = 0;
    for (const [name, schema] of Object.entries(vendor.schemas)) {
      const list = Array.isArray(schema.examples) ? schema.examples : [];
      list.forEach((example, index) => {
        examples++;
        const result = validateError(id, example, { schema: name as never });
        if (!result.valid) {
          failures.push(
            `${id} ${name} example ${index}: ${result.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
          );
        }
      });
    }
    const inferred = vendor.catalog.filter(
      (e) => e.source.status === 'inferred' || e.source.code === 'inferred',
    );
    return [
      vendor.name,
      String(vendor.catalog.length),
      String(vendor.catalog.length - inferred.length),
      String(inferred.length),
      String(vendor.policy.statuses.length),
      String(vendor.policy.ambiguities.length),
      String(examples),
    ];
  });
  io.stdout(
    `${renderTable(['vendor', 'codes', 'documented', 'inferred', 'statuses', 'ambiguities', 'examples checked'], rows)}\n`,
  );
  if (failures.length > 0) {
    io.stderr(
      `\n${plural(failures.length, 'example')} ${failures.length === 1 ? 'does' : 'do'} not match its schema:\n  ${failures.join('\n  ')}\n`,
    );
    return EXIT.failed;
  }
  io.stdout(
    "\nEvery schema example validates. See `error-contracts catalog <vendor>` for a vendor's codes.\n",
  );
  return EXIT.ok;
}

/** What the CLI's command list loads when `summary` is called. */
export const command: Command = { run: summaryCommand, help: summaryHelp };
