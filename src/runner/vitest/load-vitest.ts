/**
 * Loads vitest's Node API, which the run command drives. vitest is an optional peer dependency, so
 * its absence is expected; when the import fails, the error names the real cause: vitest not
 * installed, a package vitest itself needs missing (vitest 5 takes vite as a peer), or a Node older
 * than the installed vitest supports.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { RunConfigError } from '../config/errors.js';
import { satisfiesNodeRange } from './node-range.js';

export type VitestNode = typeof import('vitest/node');

/** The installed vitest's name, version and supported Node range, or undefined when it is absent. */
export interface InstalledVitest {
  version: string;
  engines: string | undefined;
}

export function installedVitest(from: string = import.meta.url): InstalledVitest | undefined {
  try {
    const manifest = createRequire(from).resolve('vitest/package.json');
    const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as {
      version?: string;
      engines?: { node?: string };
    };
    return { version: parsed.version ?? 'unknown', engines: parsed.engines?.node };
  } catch {
    return undefined;
  }
}

/** The package an ERR_MODULE_NOT_FOUND names ("Cannot find package 'vite' imported from ..."). */
export function missingPackageOf(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  return /Cannot find (?:package|module) '((?:@[^/'\s]+\/)?[^/'\s]+)/.exec(error.message)?.[1];
}

/**
 * Why vitest could not be imported, in words that say what to do. `installed` is what a look at
 * node_modules found (undefined: vitest is not there at all) and `nodeVersion` the running Node.
 */
export function vitestLoadProblem(
  error: unknown,
  installed: InstalledVitest | undefined,
  nodeVersion: string = process.versions.node,
): string {
  const install = 'npm install --save-dev vitest';
  if (!installed) {
    return `A run against a sandbox or from cassettes needs vitest (an optional peer dependency, version 4 or 5); install it with "${install}".`;
  }
  const which = `vitest ${installed.version}`;
  const missing = missingPackageOf(error);
  if (missing && missing !== 'vitest') {
    const why =
      missing === 'vite'
        ? ' (vitest 5 takes vite as a peer dependency, which --legacy-peer-deps leaves out)'
        : '';
    return `${which} is installed but cannot load: the package "${missing}" it needs is missing${why}; install it with "npm install --save-dev ${missing}".`;
  }
  if (installed.engines && !satisfiesNodeRange(nodeVersion, installed.engines)) {
    return `${which} supports Node ${installed.engines}, and this is Node ${nodeVersion}: use a newer Node, or install a vitest that supports this one ("npm install --save-dev vitest@4").`;
  }
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `${which} is installed but could not be loaded: ${reason}`;
}

export async function loadVitest(
  importer: () => Promise<VitestNode> = () => import('vitest/node'),
): Promise<VitestNode> {
  try {
    return await importer();
  } catch (error) {
    throw new RunConfigError(vitestLoadProblem(error, installedVitest()), { cause: error });
  }
}
