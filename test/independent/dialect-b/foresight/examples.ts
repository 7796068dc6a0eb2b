import { credentialHeader } from '../kit/client.js';
import type { ExamplePlay } from '../kit/examples.js';

/** The key with every scope. */
export const examples: ExamplePlay = {
  authenticate: async (directory) => credentialHeader(directory, 'fullKey'),
};
