import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/io.js';
import { contractFile } from '../../src/pact/consumer.js';
import { interactionsFor } from '../../src/pact/interactions.js';
import { importPact, PactMissingError } from '../../src/pact/load-pact.js';
import { type VendorId, vendorIds } from '../../src/vendors/registry.js';
import { cli } from '../helpers/run-cli-captured.js';
import { runCliProcess } from '../runner/cli-process.js';
import { committedContract } from './contract-data.js';

// Any one vendor will do; one keeps the test quick. The registry is never empty.
const vendorId = vendorIds[0] as VendorId;

let out = '';
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'error-contracts-pact-cli-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('error-contracts pact', () => {
  it('writes the chosen vendor’s contract to --out, verifies it and prints its count and verdict', async () => {
    // In a child process: Pact's native verifier prints its report below Node's streams.
    const { code, stdout } = await runCliProcess(['pact', '--verify', '--vendor', vendorId, '--out', out], {
      env: { PACT_DO_NOT_TRACK: 'true' },
    });
    expect(code).toBe(EXIT.ok);
    const { interactions, leftOut } = interactionsFor(vendorId);
    expect(stdout).toMatch(new RegExp(`${vendorId}\\s+${interactions.length}\\s+${leftOut.length}\\s+pass`));
    expect(stdout).toMatch(/verified in \d+\.\d\d s/);
    expect(await readFile(contractFile(out, vendorId), 'utf8')).toBe(committedContract(vendorId));
  }, 60_000);

  it('names the valid vendor ids and exits 2 for an unknown --vendor', async () => {
    const { code, stderr } = await cli(['pact', '--vendor', 'acme', '--out', out]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('unknown vendor "acme"');
  });

  it('says to install Pact when the optional peer dependency is missing', async () => {
    const missing = importPact(() =>
      Promise.reject(new Error("Cannot find package '@pact-foundation/pact'")),
    );
    await expect(missing).rejects.toBeInstanceOf(PactMissingError);
    await expect(missing).rejects.toThrow(/npm install --save-dev @pact-foundation\/pact/);
  });
});
