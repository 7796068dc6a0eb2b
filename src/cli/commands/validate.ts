import { parseArgs } from 'node:util';
import { describeSize, InputTooLargeError, MAX_VALIDATE_BYTES } from '../../fs/bounded-read.js';
import { displayPath } from '../../validation/issues.js';
import { validateError } from '../../validation/validate-error.js';
import { getVendor } from '../../vendors/registry.js';
import { type CliIo, EXIT, UsageError } from '../io.js';
import { vendorArgument } from '../vendor-arg.js';

export const validateHelp = `error-contracts validate <vendor> [file|-] [--schema <envelope>] [--format text|json]

Checks a saved error response body against the vendor's envelope schema. Reads standard input
when the file is "-" or absent. Exit code 0 when valid, 1 when not, 2 for a usage problem.
--schema picks another envelope of the vendor (ClaimRev: tokenError).`;

async function readBody(source: string, io: CliIo): Promise<Uint8Array> {
  const what = source === '-' ? 'standard input' : `"${source}"`;
  const tooLarge = (bytes: number) =>
    new UsageError(
      `validate: ${what} is ${describeSize(bytes)}, above the ${describeSize(MAX_VALIDATE_BYTES)} limit for an error body. Pass the body alone, or cut it.`,
    );
  let body: Uint8Array;
  try {
    body =
      source === '-' ? await io.readStdin(MAX_VALIDATE_BYTES) : await io.readFile(source, MAX_VALIDATE_BYTES);
  } catch (error) {
    if (error instanceof InputTooLargeError) throw tooLarge(error.bytes);
    if (source === '-') throw error;
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(
      `validate: cannot read "${source}": ${reason}. Pass a readable file, or - for standard input.`,
    );
  }
  // An injected reader may ignore the limit; the body is refused all the same.
  if (body.length > MAX_VALIDATE_BYTES) throw tooLarge(body.length);
  return body;
}

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { schema: { type: 'string' }, format: { type: 'string', default: 'text' } },
  });
  const vendorId = vendorArgument(positionals[0], 'validate');
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`validate: --format must be text or json, not "${values.format}".`);
  }
  const envelopes = Object.keys(getVendor(vendorId).schemas);
  const schema = values.schema ?? 'envelope';
  if (!envelopes.includes(schema)) {
    throw new UsageError(
      `validate: --schema must be one of ${envelopes.join(', ')} for ${vendorId}, not "${schema}".`,
    );
  }
  const source = positionals[1] ?? '-';
  const result = validateError(vendorId, await readBody(source, io), { schema: schema as never });
  if (values.format === 'json') {
    const report = result.valid ? { valid: true } : { valid: false, errors: result.errors };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else if (result.valid) {
    io.stdout(`valid: the body matches ${vendorId}'s ${schema} schema\n`);
  } else {
    io.stdout(`invalid: ${result.errors.length} problem(s) against ${vendorId}'s ${schema} schema\n`);
    for (const issue of result.errors) io.stdout(`  ${displayPath(issue.path)}: ${issue.message}\n`);
  }
  return result.valid ? EXIT.ok : EXIT.failed;
}
