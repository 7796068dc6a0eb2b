import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { checkClient } from '../../client-check/check-client.js';
import { renderClientCheck } from '../../client-check/render.js';
import type { ClientFactory } from '../../client-check/types.js';
import { type CliIo, EXIT, UsageError } from '../io.js';
import { vendorArgument } from '../vendor-arg.js';

export const checkClientHelp = `error-contracts check-client --vendor <id> --module <file> [--export <name>] [--format text|json]

Judges your HTTP client against the vendor's documented error rules. The module must export a
client factory (the default export unless --export names another): a function that takes
{ vendorId, baseUrl, credentials, authHeaders } and returns an async function making one call
{ method, path, headers, body }. Every scripted failure sequence runs on the simulator inside
this process under virtual time. Exit 0 when every rule is obeyed, 1 when any is violated.`;

async function loadFactory(modulePath: string, exportName: string): Promise<ClientFactory> {
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(resolve(modulePath)).href)) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(
      `check-client: cannot load --module ${modulePath}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const factory = loaded[exportName];
  if (typeof factory !== 'function') {
    const functions = Object.keys(loaded).filter((name) => typeof loaded[name] === 'function');
    const found = functions.length ? `; its function exports: ${functions.join(', ')}` : '';
    throw new UsageError(
      `check-client: ${modulePath} has no function export "${exportName}"${found}. Name one with --export.`,
    );
  }
  return factory as ClientFactory;
}

export async function checkClientCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      vendor: { type: 'string' },
      module: { type: 'string' },
      export: { type: 'string', default: 'default' },
      format: { type: 'string', default: 'text' },
    },
  });
  if (values.vendor === undefined) throw new UsageError('check-client: name the vendor with --vendor <id>.');
  const vendorId = vendorArgument(values.vendor, '--vendor');
  if (values.module === undefined)
    throw new UsageError('check-client: name the module that exports your client with --module <file>.');
  if (values.format !== 'text' && values.format !== 'json')
    throw new UsageError(`check-client: --format must be text or json, not "${values.format}".`);
  const factory = await loadFactory(values.module, values.export);
  let nock: { disableNetConnect(): void };
  try {
    ({ default: nock } = await import('nock'));
  } catch {
    throw new UsageError(
      'check-client needs nock, an optional peer dependency: npm install --save-dev nock.',
    );
  }
  // The client under test talks to the in-process simulator only; any other host is refused.
  nock.disableNetConnect();
  const result = await checkClient(vendorId, factory);
  io.stdout(values.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderClientCheck(result));
  return result.passed ? EXIT.ok : EXIT.failed;
}
