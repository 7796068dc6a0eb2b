/**
 * The fixtures hook: a module a sandbox config names (like Pact's state handlers or Dredd's
 * hooks) that may create records in the states the checks need and returns their ids as facts.
 * It runs once per vendor before the checks, with a `send` that speaks the scenarios' language.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { credentialSecrets } from '../../conformance/credential-secrets.js';
import { scrubText } from '../../redaction/scrub.js';
import { type HttpAnswer, sendScenarioRequest } from '../../scenarios/runner.js';
import type { ResolvedRequest, ScenarioRequest, VendorCredentials } from '../../scenarios/types.js';
import type { VendorId } from '../../vendors/registry.js';
import { RunConfigError } from './errors.js';

export interface FixturesContext {
  vendorId: VendorId;
  baseUrl: string;
  /** The facts configured so far (file and environment). */
  facts: Readonly<Record<string, string>>;
  /**
   * Sends one request (an operation with params, or a literal path) with a role's credential,
   * the facts filled in; returns the answer as it came.
   */
  send(request: ScenarioRequest | ResolvedRequest): Promise<HttpAnswer>;
}

/** The default export of a fixtures module: facts by name, ids of what it created. */
export type FixturesHook = (
  context: FixturesContext,
) => Promise<Record<string, string>> | Record<string, string>;

/** A fixtures path as the config gives it, made absolute against the config file's folder. */
export function fixturesPath(configured: string, configDir: string): string {
  return isAbsolute(configured) ? configured : resolve(configDir, configured);
}

/** Loads and runs a vendor's fixtures hook; returns the credentials with its facts added. */
export async function applyFixtures(
  vendorId: VendorId,
  modulePath: string,
  baseUrl: string,
  credentials: VendorCredentials,
  send?: Parameters<typeof sendScenarioRequest>[0]['send'],
): Promise<VendorCredentials> {
  const where = `vendors.${vendorId}.fixtures (${modulePath})`;
  let hook: unknown;
  try {
    hook = ((await import(pathToFileURL(modulePath).href)) as { default?: unknown }).default;
  } catch (error) {
    throw new RunConfigError(`${where} could not be loaded: ${(error as Error).message}`);
  }
  if (typeof hook !== 'function') {
    throw new RunConfigError(`${where} must export a function as its default export.`);
  }
  const target = { baseUrl, credentials, ...(send ? { send } : {}) };
  let created: unknown;
  try {
    created = await (hook as FixturesHook)({
      vendorId,
      baseUrl,
      facts: credentials.facts,
      send: (request) => sendScenarioRequest(target, request),
    });
  } catch (error) {
    // The hook's own words, with any credential it may quote (a sign-in answer, say) blanked.
    const said = scrubText(
      error instanceof Error ? error.message : String(error),
      credentialSecrets(credentials),
    );
    throw new RunConfigError(`${where} failed: ${said}`);
  }
  if (
    typeof created !== 'object' ||
    created === null ||
    Object.values(created).some((v) => typeof v !== 'string')
  ) {
    throw new RunConfigError(`${where} must return an object of facts, each a string.`);
  }
  return { ...credentials, facts: { ...credentials.facts, ...(created as Record<string, string>) } };
}
