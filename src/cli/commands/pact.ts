import { parseArgs } from 'node:util';
import { ErrorContractsError } from '../../errors.js';
import { runPact } from '../../pact/run.js';
import { renderTable } from '../../text/table.js';
import { vendorIds } from '../../vendors/registry.js';
import { type CliIo, type Command, EXIT } from '../io.js';
import { vendorArgument } from '../vendor-arg.js';

export const pactHelp = `error-contracts pact [--verify] [--vendor <id>...] [--out <dir>]

Writes one Pact V4 contract per vendor (consumer error-contracts-client, provider the vendor id)
with an interaction for every documented error path, to contracts/ or --out. With --verify, also
verifies them with Pact's verifier against an embedded simulator on 127.0.0.1 and prints, per
vendor, the interactions and whether they passed. --vendor may be repeated (all by default).
Needs the optional peer dependency @pact-foundation/pact. Exit code 1 if any interaction fails.`;

export async function pactCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      verify: { type: 'boolean', default: false },
      vendor: { type: 'string', multiple: true },
      out: { type: 'string', default: 'contracts' },
    },
  });
  const vendors = values.vendor?.length
    ? values.vendor.map((id) => vendorArgument(id, '--vendor'))
    : vendorIds;
  let result: Awaited<ReturnType<typeof runPact>>;
  try {
    result = await runPact({ vendors, dir: values.out, generate: true, verify: values.verify });
  } catch (error) {
    if (error instanceof ErrorContractsError && error.code === 'ERR_PACT_MISSING') {
      io.stderr(`error-contracts pact: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  const rows = result.vendors.map((vendor) => [
    vendor.vendorId,
    String(vendor.interactions),
    String(vendor.leftOut),
    vendor.failedIds === undefined ? 'not verified' : vendor.failedIds.length === 0 ? 'pass' : 'FAIL',
  ]);
  io.stdout(`${renderTable(['vendor', 'interactions', 'left out', 'verification'], rows)}\n\n`);
  for (const vendor of result.vendors) {
    for (const path of vendor.leftOutPaths)
      io.stdout(`${vendor.vendorId}: ${path.id} left out: ${path.reason}\n`);
    for (const id of vendor.failedIds ?? []) io.stdout(`${vendor.vendorId}: ${id} failed verification\n`);
    for (const mismatch of vendor.mismatches ?? []) io.stdout(`  ${mismatch}\n`);
  }
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  io.stdout(
    `Contracts written to ${values.out} in ${seconds(result.generateMs)} s` +
      (values.verify ? `; verified in ${seconds(result.verifyMs)} s.\n` : '.\n'),
  );
  const failed = result.vendors.some((vendor) => (vendor.failedIds?.length ?? 0) > 0);
  return failed ? EXIT.failed : EXIT.ok;
}

/** What the CLI's command list loads when `pact` is called. */
export const command: Command = { run: pactCommand, help: pactHelp };
