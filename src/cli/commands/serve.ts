import { parseArgs } from 'node:util';
import type { Credential, VendorCredentials } from '../../scenarios/types.js';
import { type RequestLogEntry, startSimulator } from '../../simulator/transports/http.js';
import { getVendor, type VendorId } from '../../vendors/registry.js';
import { type CliIo, type Command, EXIT, UsageError } from '../io.js';
import { vendorArgument } from '../vendor-arg.js';

export const serveHelp = `error-contracts serve [--vendor <id>...] [--port <n>]

Runs the vendor simulator on 127.0.0.1 until interrupted (Ctrl-C or SIGTERM). Prints each
vendor's base URL and its test credentials by role, then one line per request. --vendor may be
repeated (all vendors by default); --port 0 (the default) picks a free port.
Any request may carry "X-Simulator-Fault: code=<code>; count=<n>; delay=<ms>" to fail on purpose.`;

export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { vendor: { type: 'string', multiple: true }, port: { type: 'string', default: '0' } },
  });
  const vendors = (values.vendor ?? []).map((id) => vendorArgument(id, '--vendor'));
  const port = Number(values.port);
  if (!/^\d{1,5}$/.test(values.port) || port > 65_535) {
    throw new UsageError(`serve: --port must be a number from 0 to 65535, not "${values.port}".`);
  }
  const onShutdown = io.onShutdown;
  if (!onShutdown) throw new UsageError('serve: this environment cannot deliver a shutdown signal.');

  let sim: Awaited<ReturnType<typeof startSimulator>>;
  try {
    sim = await startSimulator({ vendors, port, onRequest: (entry) => io.stdout(`${logLine(entry)}\n`) });
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? 'the port is in use'
        : (error as Error).message;
    throw new UsageError(`serve: cannot listen on 127.0.0.1:${port}: ${reason}. Pick another --port.`);
  }
  for (const id of sim.vendors) io.stdout(describeVendor(id, sim.url(id), sim.credentials(id)));
  io.stdout(`Simulator listening on 127.0.0.1:${sim.port}. Press Ctrl-C to stop.\n`);

  await new Promise<void>((resolve) => {
    const stopListening = onShutdown(() => {
      stopListening();
      resolve();
    });
  });
  await sim.close();
  io.stdout('Simulator stopped.\n');
  return EXIT.ok;
}

/** The test credentials are published test data, printed so a person can paste them into a client. */
function describeVendor(id: VendorId, url: string, credentials: VendorCredentials): string {
  const lines = [`${getVendor(id).name} (${id})`, `  base URL: ${url}`];
  for (const [role, credential] of Object.entries(credentials.roles)) {
    lines.push(`  ${role.padEnd(30)} ${describeCredential(credential)}`);
  }
  for (const [name, value] of Object.entries(credentials.facts))
    lines.push(`  ${`(${name})`.padEnd(30)} ${value}`);
  return `${lines.join('\n')}\n\n`;
}

function describeCredential(credential: Credential): string {
  if (credential.kind === 'header') return `${credential.header}: ${credential.value}`;
  return `client_id=${credential.clientId} client_secret=${credential.clientSecret} scope=${credential.scope} token URL ${credential.tokenUrl}`;
}

/** One line per request; credentials never appear (headers are not printed, secret query values are redacted). */
export function logLine(entry: RequestLogEntry): string {
  const time = new Date().toISOString();
  const id = entry.requestId ? ` ${entry.requestId}` : '';
  return `${time} ${entry.vendorId ?? '-'} ${entry.method} ${entry.target} ${entry.status} ${entry.durationMs.toFixed(1)}ms${id}`;
}

/** What the CLI's command list loads when `serve` is called. */
export const command: Command = { run: serveCommand, help: serveHelp };
