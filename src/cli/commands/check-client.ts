import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { checkClient } from '../../client-check/check-client.js';
import { renderClientCheckJunit } from '../../client-check/junit.js';
import { renderClientCheckRun } from '../../client-check/render.js';
import type { ClientCheckResult, ClientFactory } from '../../client-check/types.js';
import { ErrorContractsError } from '../../errors.js';
import { writeFileAtomic } from '../../fs/write-atomic.js';
import { type CliIo, type Command, EXIT, UsageError } from '../io.js';
import { vendorArgument } from '../vendor-arg.js';

/** The files --out writes; fixed names, so CI configuration can point at them. */
export const CLIENT_CHECK_FILES = { junit: 'client-check-junit.xml', json: 'client-check.json' } as const;

export const checkClientHelp = `error-contracts check-client --vendor <id>... --module <file> [--export <name>] [--format text|json]
                             [--out <dir>] [--verbose]

Judges your HTTP client against each named vendor's documented error rules. The module must export
a client factory (the default export unless --export names another): a function that takes
{ vendorId, baseUrl, credentials, authHeaders } and returns an async function making one call
{ method, path, headers, body }. Every scripted failure sequence runs on the simulator inside
this process under virtual time. Exit 0 when every rule is obeyed, 1 when any is violated.

  --vendor <id>     a vendor to judge the client against (repeatable)
  --module <file>   .js/.mjs, or .ts/.mts where tsx is installed (npm install --save-dev tsx)
  --format json     the verdicts as JSON on stdout: one object for one vendor, an array for several
  --verbose         every rule with its reason and full timelines (default: a summary per vendor,
                    violations and advice in detail, and a table across vendors at the end)
  --out <dir>       also write ${CLIENT_CHECK_FILES.junit} (one test case per rule) and ${CLIENT_CHECK_FILES.json} there`;

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts', '.tsx']);

/**
 * Imports the user's module. TypeScript goes through tsx, resolved from the working directory (the
 * user's project), when it is installed; without it, Node itself is tried, and if Node cannot load
 * TypeScript the message says what to install. `nodeImport` is Node's own import (a test stands in
 * a Node that cannot load TypeScript).
 */
export async function importModule(
  path: string,
  cwd: string,
  nodeImport: (url: string) => Promise<unknown> = (url) => import(url),
): Promise<Record<string, unknown>> {
  const url = pathToFileURL(path).href;
  if (!TYPESCRIPT.has(extname(path))) return (await nodeImport(url)) as Record<string, unknown>;
  let tsx: { tsImport: (specifier: string, parent: string) => Promise<unknown> } | undefined;
  try {
    tsx = (await import(pathToFileURL(tsxApiFile(cwd)).href)) as typeof tsx;
  } catch {
    tsx = undefined;
  }
  if (tsx) return (await tsx.tsImport(url, import.meta.url)) as Record<string, unknown>;
  try {
    return (await nodeImport(url)) as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      throw new UsageError(
        `check-client: --module ${path} is TypeScript, which this Node cannot load by itself; install tsx in your project (npm install --save-dev tsx) or point --module at the compiled .js.`,
      );
    }
    throw error;
  }
}

/**
 * The file of tsx's ES module API as seen from `cwd`. Resolved by hand from tsx's package.json:
 * require.resolve would pick its CommonJS build, which cannot load ES modules from a worker, and
 * import.meta.resolve takes no starting folder on Node 20.
 */
function tsxApiFile(cwd: string): string {
  const manifest = createRequire(join(cwd, 'package.json')).resolve('tsx/package.json');
  const exports = JSON.parse(readFileSync(manifest, 'utf8')).exports?.['./esm/api'];
  const file: unknown = exports?.import?.default ?? exports?.import;
  if (typeof file !== 'string')
    throw new ErrorContractsError('ERR_INTERNAL', 'this tsx has no ES module API');
  return join(dirname(manifest), file);
}

async function loadFactory(modulePath: string, exportName: string, cwd: string): Promise<ClientFactory> {
  let loaded: Record<string, unknown>;
  try {
    loaded = await importModule(resolve(cwd, modulePath), cwd);
  } catch (error) {
    if (error instanceof UsageError) throw error;
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

async function writeOutFiles(dir: string, results: readonly ClientCheckResult[]): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(
      `check-client: --out ${dir} cannot be created (${(error as NodeJS.ErrnoException).code ?? 'error'}); pick another folder.`,
    );
  }
  const files: Array<[string, string]> = [
    [join(dir, CLIENT_CHECK_FILES.junit), renderClientCheckJunit(results)],
    [join(dir, CLIENT_CHECK_FILES.json), `${JSON.stringify(results, null, 2)}\n`],
  ];
  for (const [path, content] of files) await writeFileAtomic(path, content);
  return files.map(([path]) => path);
}

export async function checkClientCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      vendor: { type: 'string', multiple: true },
      module: { type: 'string' },
      export: { type: 'string', default: 'default' },
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  if (!values.vendor?.length) throw new UsageError('check-client: name the vendor with --vendor <id>.');
  const vendorIds = [...new Set(values.vendor.map((id) => vendorArgument(id, '--vendor')))];
  if (values.module === undefined)
    throw new UsageError('check-client: name the module that exports your client with --module <file>.');
  if (values.format !== 'text' && values.format !== 'json')
    throw new UsageError(`check-client: --format must be text or json, not "${values.format}".`);
  const cwd = io.cwd ?? process.cwd();
  const factory = await loadFactory(values.module, values.export, cwd);
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
  const results: ClientCheckResult[] = [];
  for (const vendorId of vendorIds) results.push(await checkClient(vendorId, factory));
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
  } else {
    io.stdout(renderClientCheckRun(results, { verbose: values.verbose === true }));
  }
  if (values.out !== undefined) {
    const written = await writeOutFiles(resolve(cwd, values.out), results);
    // With --format json, stdout is the JSON alone; where the files went is said on stderr.
    const say = values.format === 'json' ? io.stderr : io.stdout;
    say(`\nReports:\n${written.map((path) => `  ${path}`).join('\n')}\n`);
  }
  return results.every((result) => result.passed) ? EXIT.ok : EXIT.failed;
}

/** What the CLI's command list loads when `check-client` is called. */
export const command: Command = { run: checkClientCommand, help: checkClientHelp };
