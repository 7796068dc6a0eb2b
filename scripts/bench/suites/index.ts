import type { Suite } from '../suite.js';
import { clientSuite } from './client.js';
import { importCostSuite } from './import-cost.js';
import { normalizeErrorSuite } from './normalize-error.js';
import { runCostSuite } from './run-cost.js';
import { simulatorSuite } from './simulator.js';
import { validatorsSuite } from './validators.js';

/** Every benchmark, in the order `npm run bench` runs them. A new benchmark is one module and one line here. */
export const suites: readonly Suite[] = [
  validatorsSuite,
  importCostSuite,
  runCostSuite,
  normalizeErrorSuite,
  simulatorSuite,
  clientSuite,
];
