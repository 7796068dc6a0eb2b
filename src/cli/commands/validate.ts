import { parseArgs } from 'node:util';
import { describeSize, InputTooLargeError, MAX_VALIDATE_BYTES } from '../../fs/bounded-read.js';
import { normalizeError } from '../../normalize/normalize-error.js';
import type { Problem, ProblemKind } from '../../normalize/types.js';
import { plural } from '../../text/plural.js';
import { singleLine } from '../../text/single-line.js';
import { displayPath } from '../../validation/issues.js';
import { validateError } from '../../validation/validate-error.js';
import { getVendor, type VendorId } from '../../vendors/registry.js';
import { type CliIo, type Command, EXIT, UsageError } from '../io.js';
import { vendorArgument } from '../vendor-arg.js';

export const validateHelp = `error-contracts validate <vendor> [file|-] [--schema <envelope>] [--format text|json]

Checks a saved error response body against the vendor's envelope schema. Reads standard input
when the file is "-" or absent. Exit code 0 when valid, 1 when not, 2 for a usage problem.
A code the vendor's catalog does not list, or a request id not in its documented form, is
reported as a warning (as normalizeError reports it in \`problems\`) and does not fail.
--schema picks another envelope of the vendor (ClaimRev: tokenError).`;

async function readBody(source: string, io: CliIo): Promise<Uint8Array> {
  const what = source === '-' ? 'standard input' : `"${source}"`;
  const tooLarge = (bytes: number) =>
    new UsageError(
      `validate: ${what} is ${describeSize(bytes)}, above the ${describeSize(MAX_VALIDATE_BYTES)} limit for an error body. Pass the body alone, or cut it.`,
    );
  if (source === '-' && io.terminal?.stdin === true) {
    // On a terminal the command would otherwise sit silent, looking hung.
    io.stderr(
      `validate: reading the body from standard input; paste it, then press ${process.platform === 'win32' ? 'Ctrl+Z and Enter' : 'Ctrl+D'} on an empty line (or pass a file).\n`,
    );
  }
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
  const vendorId = vendorArgument(positionals[0], '<vendor>');
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
  const body = await readBody(source, io);
  const result = validateError(vendorId, body, { schema: schema as never });
  const warnings = bodyWarnings(vendorId, schema, body);
  if (values.format === 'json') {
    const report = result.valid
      ? { valid: true, warnings }
      : { valid: false, errors: result.errors, warnings };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    if (result.valid) {
      io.stdout(`valid: the body matches ${vendorId}'s ${schema} schema\n`);
    } else {
      io.stdout(
        `invalid: ${plural(result.errors.length, 'problem')} against ${vendorId}'s ${schema} schema\n`,
      );
      for (const issue of result.errors)
        io.stdout(`  ${singleLine(displayPath(issue.path))}: ${singleLine(issue.message)}\n`);
    }
    for (const warning of warnings) {
      io.stdout(
        `warning: ${singleLine(warning.message)}${warning.path ? ` (${singleLine(warning.path)})` : ''}\n`,
      );
    }
  }
  return result.valid ? EXIT.ok : EXIT.failed;
}

/**
 * What the schema allows but the docs do not promise: a code the catalog lacks, a request id not
 * in the documented form. They warn rather than fail (an honest vendor may add a code), in the
 * very words normalizeError puts in `problems`, since that is where they come from.
 */
const WARNING_KINDS: ReadonlySet<ProblemKind> = new Set(['unknown_code', 'malformed_request_id']);

function bodyWarnings(vendorId: VendorId, schema: string, body: Uint8Array): Problem[] {
  const reader = getVendor(vendorId).policy.envelopes.find((envelope) => envelope.schema === schema);
  // A saved body has no status; only the kinds above, which read the body alone, are kept.
  const normalized = normalizeError(vendorId, { status: 0, body }, { surface: reader?.surface ?? 'api' });
  return normalized.problems.filter((problem) => WARNING_KINDS.has(problem.kind));
}

/** What the CLI's command list loads when `validate` is called. */
export const command: Command = { run: validateCommand, help: validateHelp };
