import { parseArgs } from 'node:util';
import { RunConfigError } from '../../runner/config/errors.js';
import { type CheckDescription, describeChecks } from '../../runner/describe-checks.js';
import { TARGET_NAMES, type TargetName } from '../../runner/run-options.js';
import { vendorIds } from '../../vendors/registry.js';
import { deploymentsFor, loadConfig } from '../config-file.js';
import { type CliIo, type Command, EXIT, UsageError } from '../io.js';
import { vendorArgument } from '../vendor-arg.js';

export const checksHelp = `error-contracts checks [--vendor <id>...] [--target <t>] [--format text|json] [--config <file>]

Lists every check without sending anything: its id, matrix row, method, operation, the URL it
resolves to on the target, the credential role, the body, the facts, operations and roles it
needs, whether it can run on a sandbox at all, and, where it would not run, what to configure.

  --vendor <id>     only this vendor (repeatable; ${vendorIds.join(', ')})
  --target <t>      local (default: the simulator's own facts) or sandbox (the config file and
                    ERROR_CONTRACTS_<VENDOR>_* variables, as "run --target sandbox" reads them)
  --format <f>      text (default) or json
  --config <file>   the sandbox configuration (as for "run")`;

export async function checksCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      vendor: { type: 'string', multiple: true },
      target: { type: 'string', default: 'local' },
      format: { type: 'string', default: 'text' },
      config: { type: 'string' },
    },
  });
  if (!(TARGET_NAMES as readonly string[]).includes(values.target) || values.target === 'replay') {
    throw new UsageError(`checks: --target takes local, nock or sandbox, not "${values.target}".`);
  }
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`checks: --format takes text or json, not "${values.format}".`);
  }
  const target = values.target as TargetName;
  const vendors = values.vendor?.length
    ? [...new Set(values.vendor.map((id) => vendorArgument(id, 'checks --vendor')))]
    : [...vendorIds];
  let checks: CheckDescription[];
  try {
    const config = await loadConfig(values.config, io.cwd ?? process.cwd(), target);
    checks = deploymentsFor({ target, vendors, ...(config ? { config } : {}) }, io.env).flatMap(
      (deployment) => describeChecks(deployment, { simulated: target !== 'sandbox' }),
    );
  } catch (error) {
    if (error instanceof RunConfigError) throw new UsageError(`checks: ${error.message}`);
    throw error;
  }
  io.stdout(values.format === 'json' ? `${JSON.stringify(checks, null, 2)}\n` : renderText(checks));
  return EXIT.ok;
}

function renderText(checks: readonly CheckDescription[]): string {
  const lines: string[] = [];
  let vendor: string | undefined;
  for (const check of checks) {
    if (check.vendorId !== vendor) {
      vendor = check.vendorId;
      lines.push(lines.length ? '' : '', `${vendor}`);
    }
    const request = check.method
      ? `${check.method} ${check.operation}${check.url ? `  ${check.url}` : ''}  as ${check.role}`
      : check.kind === 'sequence'
        ? 'a sequence of requests'
        : 'sends nothing';
    lines.push(`  ${check.id}  [${check.row}]  ${request}`);
    const needs = [
      check.facts.length ? `facts ${check.facts.join(', ')}` : '',
      check.operations.length ? `operations ${check.operations.join(', ')}` : '',
      check.roles.length ? `roles ${check.roles.join(', ')}` : '',
    ].filter(Boolean);
    if (needs.length) lines.push(`    needs ${needs.join('; ')}`);
    if (check.body) lines.push(`    body ${check.body}`);
    lines.push(
      `    sandbox: ${check.sandbox ? 'can run' : 'simulator only'}${check.notRun ? `; here: not run: ${check.notRun}` : ''}`,
    );
  }
  return `${lines.join('\n').trimStart()}\n`;
}

/** What the CLI's command list loads when `checks` is called. */
export const command: Command = { run: checksCommand, help: checksHelp };
