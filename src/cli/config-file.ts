import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputTooLargeError, MAX_CONFIG_BYTES, readBoundedFile } from '../fs/bounded-read.js';
import { baseUrlVariable, CONFIG_FILE_VARIABLE, DEFAULT_CONFIG_FILE } from '../runner/config/env-names.js';
import { RunConfigError } from '../runner/config/errors.js';
import { fixturesPath } from '../runner/config/fixtures.js';
import {
  assertKnownCheckIds,
  parseRunConfig,
  type ResolvedVendorConfig,
  type RunConfigFile,
  resolveSandboxConfig,
} from '../runner/config/sandbox-config.js';
import type { RunOptions, TargetName } from '../runner/run-options.js';
import { vendorModels } from '../simulator/vendors/index.js';

/**
 * The config file matters only to the sandbox target. An explicitly named file must exist; the
 * default name is read only when present.
 */
export async function loadConfig(
  named: string | undefined,
  cwd: string,
  target: TargetName,
): Promise<RunConfigFile | undefined> {
  const path = resolve(cwd, named ?? DEFAULT_CONFIG_FILE);
  if (named === undefined && (target !== 'sandbox' || !existsSync(path))) return undefined;
  let text: string;
  try {
    // Only a regular file: opening a FIFO would wait for a writer, and the run would hang.
    if (!(await stat(path)).isFile())
      throw new RunConfigError(
        `the config file ${path} is not a regular file; fix --config or ${CONFIG_FILE_VARIABLE}.`,
      );
    text = new TextDecoder().decode(await readBoundedFile(path, MAX_CONFIG_BYTES, `the config file ${path}`));
  } catch (error) {
    if (error instanceof RunConfigError) throw error;
    if (error instanceof InputTooLargeError)
      throw new RunConfigError(`${error.message}; fix --config or ${CONFIG_FILE_VARIABLE}.`);
    throw new RunConfigError(
      `cannot read the config file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}); fix --config or ${CONFIG_FILE_VARIABLE}.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // Only where the mistake is: the parser's own message quotes the file, secrets and all.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    const where = at === undefined ? '' : ` (${lineAndColumn(text, Number(at))})`;
    throw new RunConfigError(`the config file ${path} is not valid JSON${where}; fix it or --config.`);
  }
  const config = parseRunConfig(parsed, path);
  assertKnownCheckIds(config);
  // Fixtures modules are named relative to the config file; the workers load them by absolute path.
  for (const vendor of Object.values(config.vendors ?? {})) {
    if (vendor?.fixtures !== undefined) vendor.fixtures = fixturesPath(vendor.fixtures, dirname(path));
  }
  return config;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/**
 * Each vendor's deployment as a target sees it, for listing checks: the simulator's own facts for
 * the local and nock targets, the configuration (file and environment) for a sandbox. A sandbox
 * vendor without a base URL is still listed, against a placeholder naming the variable.
 */
export function deploymentsFor(
  options: Pick<RunOptions, 'target' | 'vendors' | 'config'>,
  env: Readonly<Record<string, string | undefined>>,
): ResolvedVendorConfig[] {
  if (options.target !== 'sandbox') {
    return options.vendors.map((vendorId) => {
      const baseUrl = `http://127.0.0.1:<port>/${vendorId}`;
      return {
        vendorId,
        baseUrl,
        declaredSandbox: true,
        credentials: vendorModels[vendorId].credentials(baseUrl),
        checks: {},
      };
    });
  }
  // A listing sends nothing, so it needs no credential.
  const resolved = resolveSandboxConfig(options.config ?? {}, env, { credentials: false });
  return options.vendors.map(
    (vendorId) =>
      resolved.get(vendorId) ?? {
        vendorId,
        baseUrl: `<${baseUrlVariable(vendorId)}>`,
        declaredSandbox: false,
        credentials: { vendorId, roles: {}, facts: {} },
        checks: options.config?.vendors?.[vendorId]?.checks ?? {},
      },
  );
}
