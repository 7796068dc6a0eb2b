import { ErrorContractsError } from '../errors.js';

/** `@pact-foundation/pact` is an optional peer dependency, absent from most installs. */
export class PactMissingError extends ErrorContractsError {
  constructor(cause: unknown) {
    super(
      'ERR_PACT_MISSING',
      'Pact contracts need the optional peer dependency @pact-foundation/pact; install it with "npm install --save-dev @pact-foundation/pact".',
      { cause },
    );
    this.name = 'PactMissingError';
  }
}

export type PactModule = typeof import('@pact-foundation/pact');

let loaded: Promise<PactModule> | undefined;

/**
 * Loads Pact on first use. Pact reports usage to its maintainers unless told not to; this tool
 * runs in CI and tests, so that is switched off before the module is read, unless the caller
 * already chose.
 */
export function loadPact(): Promise<PactModule> {
  loaded ??= importPact(() => import('@pact-foundation/pact')).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

/** One import attempt, a failure to find the module turned into PactMissingError. */
export async function importPact(importer: () => Promise<PactModule>): Promise<PactModule> {
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  try {
    return await importer();
  } catch (error) {
    throw new PactMissingError(error);
  }
}
