import { parseArgs } from 'node:util';
import { plural } from '../../text/plural.js';
import { renderTable } from '../../text/table.js';
import { getVendor } from '../../vendors/registry.js';
import { type CliIo, type Command, EXIT, UsageError } from '../io.js';
import { vendorArgument } from '../vendor-arg.js';

export const catalogHelp = `error-contracts catalog <vendor> [--format table|json]

Prints every code the vendor documents: status, category, the client's action, whether it is
retryable, and whether the status is documented or inferred.`;

export async function catalogCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'table' } },
  });
  const vendor = getVendor(vendorArgument(positionals[0], '<vendor>'));
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify(vendor.catalog, null, 2)}\n`);
    return EXIT.ok;
  }
  if (values.format !== 'table')
    throw new UsageError(`catalog: --format must be table or json, not "${values.format}".`);
  const rows = vendor.catalog.map((entry) => [
    entry.code,
    String(entry.status),
    entry.category,
    entry.action,
    entry.retryable ? 'yes' : 'no',
    entry.source.status === 'documented' && entry.source.code === 'documented' ? 'documented' : 'inferred',
  ]);
  io.stdout(`${vendor.name}: ${plural(rows.length, 'code')}\n\n`);
  io.stdout(`${renderTable(['code', 'status', 'category', 'action', 'retryable', 'source'], rows)}\n`);
  return EXIT.ok;
}

/** What the CLI's command list loads when `catalog` is called. */
export const command: Command = { run: catalogCommand, help: catalogHelp };
