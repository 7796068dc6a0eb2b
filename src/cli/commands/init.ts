import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checklistFor } from '../../conformance/checklist.js';
import { isSecretFact } from '../../conformance/credential-secrets.js';
import { writeFileAtomic } from '../../fs/write-atomic.js';
import { credentialVariable, DEFAULT_CONFIG_FILE, factVariable } from '../../runner/config/env-names.js';
import type {
  CredentialConfig,
  RunConfigFile,
  VendorConfigFile,
} from '../../runner/config/sandbox-config.js';
import { rolesOf } from '../../runner/targets/check-requirements.js';
import { scenarioDataFor } from '../../scenarios/index.js';
import type { CredentialRole } from '../../scenarios/types.js';
import { configuredAsOAuthClient, exchangesToken } from '../../vendors/authentication.js';
import { getVendor, type VendorId } from '../../vendors/registry.js';
import { type CliIo, type Command, EXIT, UsageError } from '../io.js';
import { vendorArgument } from '../vendor-arg.js';

/** Where the shipped JSON Schema of the config sits once the package is installed. */
export const CONFIG_SCHEMA_REF = './node_modules/error-contracts/schemas/meta/run-config.schema.json';

export const initHelp = `error-contracts init --vendor <id> [--config <file>]

Writes a sandbox configuration to fill in (default ${DEFAULT_CONFIG_FILE}; a vendor is added to
an existing file): the base URL, every credential role the checks use (each read from its
ERROR_CONTRACTS_* variable), every operation with its reference path (but a token endpoint,
which the OAuth credential's tokenUrl gives), and every fact, blank where there is no default (a
secret one names its ERROR_CONTRACTS_<VENDOR>_FACT_* variable instead). A "$schema" member points at the shipped JSON Schema for editor help.
Blank facts and operations count as not set: "error-contracts checks --target sandbox" then says
which checks they hold back. See docs/running.md.`;

export async function initCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { vendor: { type: 'string' }, config: { type: 'string' } },
  });
  const vendorId = vendorArgument(values.vendor, 'init --vendor');
  const path = resolve(io.cwd ?? process.cwd(), values.config ?? DEFAULT_CONFIG_FILE);
  let file: RunConfigFile = {};
  if (existsSync(path)) {
    try {
      file = JSON.parse(await readFile(path, 'utf8')) as RunConfigFile;
    } catch {
      throw new UsageError(
        `init: ${path} exists and is not valid JSON; fix it or name another file with --config.`,
      );
    }
    if (file.vendors?.[vendorId]) {
      throw new UsageError(
        `init: ${path} already configures ${vendorId}; edit it, or name another file with --config.`,
      );
    }
  }
  const written: RunConfigFile = {
    $schema: file.$schema ?? CONFIG_SCHEMA_REF,
    vendors: { ...file.vendors, [vendorId]: scaffold(vendorId) },
  };
  // Replaced, never written through: a symlink planted at the path is swapped for the file.
  await writeFileAtomic(path, `${JSON.stringify(written, null, 2)}\n`);
  io.stdout(
    `Wrote vendors.${vendorId} to ${path}. Fill in baseUrl and the blank facts, replace each operation's method, path and example body with your sandbox's, and set the credential variables.\n${blankFactsNote(vendorId)}`,
  );
  return EXIT.ok;
}

/**
 * The facts init leaves blank, each with the checks that need it: most are records of the sandbox,
 * and some are body fields the vendor's docs do not name, which only the user can say.
 */
function blankFactsNote(vendorId: VendorId): string {
  const { facts } = scenarioDataFor(vendorId);
  const blank = Object.entries(facts).filter(
    ([name, spec]) => spec.default === undefined && !isSecretFact(name),
  );
  if (blank.length === 0) return '';
  const checks = checklistFor(vendorId);
  const lines = blank.map(([name, spec]) => {
    const needing = checks
      .filter((check) => 'scenario' in check && JSON.stringify(check.scenario).includes(`{{facts.${name}}}`))
      .map((check) => check.id);
    return `  facts.${name}: ${spec.about}${needing.length > 0 ? ` (needed by ${needing.join(', ')})` : ''}\n`;
  });
  return `Facts to fill in (a check that needs one is skipped until it is set):\n${lines.join('')}`;
}

/** One vendor's section: everything a sandbox run of its checks can use, to fill or delete. */
export function scaffold(vendorId: VendorId): VendorConfigFile {
  const vocabulary = scenarioDataFor(vendorId);
  const roles = new Set<CredentialRole>([
    'valid',
    ...checklistFor(vendorId).flatMap((check) => rolesOf(check)),
  ]);
  const auth = getVendor(vendorId).policy.authentication;
  const oauth = exchangesToken(auth);
  const credentials: Partial<Record<CredentialRole, CredentialConfig>> = {};
  for (const role of roles) {
    const env = (field?: string) => ({ env: credentialVariable(vendorId, role, field) });
    credentials[role] = configuredAsOAuthClient(auth, role)
      ? {
          clientId: env('clientId'),
          clientSecret: env('clientSecret'),
          scope: env('scope'),
          tokenUrl: env('tokenUrl'),
        }
      : { value: env() };
  }
  return {
    baseUrl: '',
    sandbox: true,
    credentials,
    // Every operation with its reference values (method, path, a body that succeeds, where the
    // id is), to be replaced by the sandbox's own. One whose default comes from the valid OAuth
    // client (the token endpoint) is left out: a written reference path would beat its tokenUrl.
    operations: Object.fromEntries(
      Object.entries(vocabulary.operations)
        .filter(([, spec]) => !(oauth && spec.fromValidClient))
        .map(([name, { about: _about, fromValidClient: _from, ...operation }]) => [name, operation]),
    ),
    preflight: vocabulary.preflight,
    // A secret fact (a sign-in password) names its variable: its value never goes in a file
    // that is committed.
    facts: Object.fromEntries(
      Object.entries(vocabulary.facts).map(([name, spec]) => [
        name,
        isSecretFact(name) ? { env: factVariable(vendorId, name) } : (spec.default ?? ''),
      ]),
    ),
  };
}

/** What the CLI's command list loads when `init` is called. */
export const command: Command = { run: initCommand, help: initHelp };
