/**
 * Runs the conformance suite through vitest's Node API, in the caller's process, and returns what
 * the collector gathered. vitest is an optional peer dependency: an application that only uses
 * the schemas never installs it, so it is loaded here and its absence is a clear error.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { ErrorContractsError } from '../../errors.js';
import { packageRoot } from '../package-root.js';
import type { RunOptions } from '../run-options.js';
import { type Collected, createCollector, type RunListener } from './collect-results.js';
import { loadVitest } from './load-vitest.js';

/**
 * The suite file: the TypeScript source when running from the repository's sources, else the
 * bundled file in dist/.
 */
export function conformanceSuiteFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return join(dirname(here), 'conformance.suite.ts');
  const bundled = join(packageRoot(), 'dist', 'runner', 'vitest', 'conformance.suite.js');
  if (!existsSync(bundled))
    throw new ErrorContractsError(
      'ERR_BUILD_MISSING',
      `${bundled} is missing; rebuild with "npm run build".`,
    );
  return bundled;
}

export async function runWithVitest(options: RunOptions, listener: RunListener = {}): Promise<Collected> {
  const { createVitest } = await loadVitest();
  const file = conformanceSuiteFile();
  const { reporter, collected } = createCollector(listener);
  const vitest = await createVitest(
    'test',
    {
      config: false,
      root: dirname(file),
      dir: dirname(file),
      include: [basename(file)],
      // The package may itself sit in node_modules, which vitest skips by default.
      exclude: [],
      watch: false,
      // vitest would keep its results cache under the root: the package's own folder.
      cache: false,
      reporters: [reporter],
      provide: { errorContractsRun: options },
      // One worker: checks share a target and its state, and a second process would only cost start-up.
      fileParallelism: false,
      testTimeout: 120_000,
      hookTimeout: 60_000,
      // The checks print nothing of their own; vitest's own banner would only clutter the summary.
      silent: true,
    },
    { logLevel: 'error', clearScreen: false },
    { stdout: new NullStream(), stderr: new NullStream() },
  );
  try {
    await vitest.start();
  } finally {
    await vitest.close();
  }
  return collected;
}

/** vitest writes its own banner and errors to these; the run command prints its own summary. */
class NullStream extends Writable {
  override _write(_chunk: unknown, _encoding: string, done: () => void): void {
    done();
  }
}
