import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { Collected } from '../../src/runner/collected.js';
import { createOrderedRelay } from '../../src/runner/ordered-relay.js';
import { runInProcess } from '../../src/runner/run-in-process.js';
import { inWorker } from '../../src/runner/run-on-two-threads.js';
import type { RunOptions } from '../../src/runner/run-options.js';
import type { VendorId } from '../../src/vendors/registry.js';
import { repoRoot } from '../helpers/paths.js';

/** A worker thread from the sources: tsx is registered in it before its module is loaded. */
function sourceWorker(module: string): { worker: Worker; said: [] } {
  const tsx = pathToFileURL(join(repoRoot, 'node_modules', 'tsx', 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = pathToFileURL(join(repoRoot, module)).href;
  const script = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return { worker: new Worker(script, { eval: true }), said: [] };
}

const outcomes = (collected: Collected) =>
  collected.checks.map((meta) => `${meta.vendorId} ${meta.result.id} ${meta.result.outcome}`);

describe('the local target on a worker thread', () => {
  it('records what the same vendors record in this thread, and tells progress in the run order', async () => {
    const vendors: VendorId[] = ['denialbase', 'casexchange'];
    const options: RunOptions = { target: 'local', vendors };
    const told: string[] = [];
    const relay = createOrderedRelay(['Denialbase', 'CaseXchange'], {
      onCheckStart: (title, vendor) => told.push(`${vendor} start ${title}`),
      onCheckEnd: (meta, vendor) => told.push(`${vendor} end ${meta.result.id}`),
    });
    const results = new Map<VendorId, Collected>();
    await inWorker(
      sourceWorker('src/runner/vendor-worker.ts'),
      options,
      [...vendors],
      relay,
      (vendorId, collected) => {
        results.set(vendorId, collected);
        relay.vendorDone(vendorId === 'denialbase' ? 'Denialbase' : 'CaseXchange');
      },
    );
    const inThread = await runInProcess(options);
    const fromWorker = vendors.flatMap((id) => outcomes(results.get(id) as Collected));
    expect(fromWorker).toEqual(outcomes(inThread));
    expect(vendors.flatMap((id) => results.get(id)?.errors ?? [])).toEqual([]);
    // Every check started and ended, Denialbase's before CaseXchange's.
    expect(told.filter((line) => line.includes(' end '))).toHaveLength(inThread.checks.length);
    expect(told.findIndex((line) => line.startsWith('CaseXchange'))).toBeGreaterThan(
      told.findLastIndex((line) => line.startsWith('Denialbase')),
    );
  }, 60_000);

  it('leaves a vendor whose worker died with an error, so the run says it did not finish', async () => {
    // A worker that takes a vendor and exits without an answer.
    const script = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', () => process.exit(7));
parentPort.postMessage({ type: 'ready' });`;
    const relay = createOrderedRelay(['Collate'], {});
    const results = new Map<VendorId, Collected>();
    await inWorker(
      { worker: new Worker(script, { eval: true }), said: [] },
      { target: 'local', vendors: ['collate'] },
      ['collate'],
      relay,
      (vendorId, collected) => results.set(vendorId, collected),
    );
    expect(results.get('collate')?.checks).toEqual([]);
    expect(results.get('collate')?.errors).toEqual([
      'Collate (worker thread): Error: the worker thread exited with code 7',
    ]);
  });
});
