import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever directory the tests are started from. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const schemasDir = join(repoRoot, 'schemas');
