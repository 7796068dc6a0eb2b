import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkClient } from '../../src/client-check/index.js';
import { getVendor, vendorIds } from '../../src/index.js';
import { isolateNetwork } from '../helpers/nock-isolation.js';
import { repoRoot } from '../helpers/paths.js';
import { tableClients } from './third-party/clients.js';
import { renderResultsTable, type VendorResults } from './third-party/results-table.js';

isolateNetwork({ strict: false });

const TABLE_PATH = join(repoRoot, 'docs', 'client-check-results.md');
/**
 * Generous real quiet before each clock jump: the table must come out the same when the whole
 * suite runs in parallel on a busy machine, and ky's 10 s timeout races its own fetch otherwise.
 */
const TABLE_QUIET_MS = 25;
const REGENERATE = 'UPDATE_CLIENT_TABLE=1 npx vitest run test/client-check/results-table.test.ts';

describe('the third-party clients table', () => {
  it('docs/client-check-results.md is what checkClient says of every client against every vendor', async () => {
    const vendors: VendorResults[] = [];
    for (const vendorId of vendorIds) {
      const byClient = [];
      for (const { name, factory } of tableClients) {
        byClient.push({
          client: name,
          result: await checkClient(vendorId, factory, { quietMs: TABLE_QUIET_MS }),
        });
      }
      vendors.push({ vendorName: getVendor(vendorId).name, byClient });
    }
    const generated = `${renderResultsTable(vendors, REGENERATE)}\n`;
    if (process.env.UPDATE_CLIENT_TABLE === '1') writeFileSync(TABLE_PATH, generated);
    const committed = existsSync(TABLE_PATH) ? readFileSync(TABLE_PATH, 'utf8') : '';
    expect(committed, `the table is stale; rewrite it with ${REGENERATE}`).toBe(generated);
  }, 30_000);
});
