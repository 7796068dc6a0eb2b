import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientFactory } from '../../../src/client-check/types.js';
import { repoRoot } from '../../helpers/paths.js';
import { referenceClient } from '../clients/reference.js';
import { axiosClient } from './axios.js';
import { gotClient } from './got.js';
import { kyClient } from './ky.js';

/** The installed version, so the table says exactly what it judged. */
function version(name: string): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8'));
  return (manifest as { version: string }).version;
}

/** The clients in the results table, the package's own first as the baseline. */
export const tableClients: ReadonlyArray<{ name: string; factory: ClientFactory }> = [
  { name: 'error-contracts createClient', factory: referenceClient() },
  { name: `got ${version('got')}`, factory: gotClient },
  { name: `ky ${version('ky')}`, factory: kyClient },
  { name: `axios ${version('axios')} + axios-retry ${version('axios-retry')}`, factory: axiosClient },
];
