import { ErrorContractsError } from '../../errors.js';

/**
 * The run could not be set up as configured: a missing base URL, an unreadable config file, a
 * credential that names an unset variable. The message names the flag, file member or
 * environment variable that fixes it, so the CLI can print it as it is.
 */
export class RunConfigError extends ErrorContractsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ERR_RUN_CONFIG', message, options);
    this.name = 'RunConfigError';
  }
}
