/**
 * The test file the `run` command hands to vitest. Its options arrive through vitest's `provide`,
 * set by the command from its flags, config file and environment.
 */
import { inject } from 'vitest';
import type { RunOptions } from '../run-options.js';
import { defineConformanceSuite } from './define-suite.js';

declare module 'vitest' {
  interface ProvidedContext {
    errorContractsRun: RunOptions;
  }
}

defineConformanceSuite(inject('errorContractsRun'));
