/**
 * Starting the run command's vendor worker thread (see run-on-two-threads.ts). The CLI starts it
 * as soon as it knows a call is a local run of several vendors, before it loads the run command,
 * so the worker loads its modules on the second core while this thread loads its own; the run
 * then takes that worker rather than starting one. Until taken it does not keep the process alive,
 * so a run that stops early (a usage error) exits as it would without it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from './package-root.js';
import type { FromWorker } from './vendor-worker-protocol.js';

/** A worker started ahead, with what it said before a run took it (its "ready"). */
interface Prestarted {
  worker: Worker;
  said: FromWorker[];
  failed: boolean;
  stopListening: () => void;
}

let prestarted: Prestarted | undefined;

/** A started worker and what it has said so far, for the run to read before listening itself. */
export interface TakenWorker {
  worker: Worker;
  said: FromWorker[];
}

/**
 * A new worker thread, or undefined where there is none to start. Built, its module is
 * dist/runner/vendor-worker.js (bundling moves this code into dist/chunks/, so the path is found
 * from the package root). From the sources, under tsx, it is vendor-worker.ts beside this file; a
 * worker does not take over tsx's loader for its own entry module on every Node version, so a small
 * script registers tsx in the worker first. Anywhere else (a test runner that transforms the
 * sources itself) there is no worker and the run takes one thread only.
 */
function startVendorWorker(): Worker | undefined {
  if (!import.meta.url.endsWith('.ts')) {
    const built = join(packageRoot(), 'dist', 'runner', 'vendor-worker.js');
    return existsSync(built) ? new Worker(pathToFileURL(built)) : undefined;
  }
  if (!process.execArgv.some((arg) => arg.includes('tsx'))) return undefined;
  const source = new URL('./vendor-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(script, { eval: true });
}

/**
 * Starts the worker ahead of the run that will take it. What it says meanwhile is kept (a worker's
 * messages with no listener are lost), and a worker that fails to start is simply not used.
 */
export function prestartVendorWorker(): void {
  if (prestarted) return;
  const worker = startVendorWorker();
  if (!worker) return;
  const started: Prestarted = { worker, said: [], failed: false, stopListening: () => {} };
  const keep = (message: FromWorker) => started.said.push(message);
  const failed = () => {
    started.failed = true;
  };
  worker.on('message', keep);
  worker.on('error', failed);
  worker.on('exit', failed);
  // After the listeners: listening for messages holds the process open again.
  worker.unref();
  started.stopListening = () => {
    worker.off('message', keep);
    worker.off('error', failed);
    worker.off('exit', failed);
  };
  prestarted = started;
}

/**
 * The worker for a run: the one started ahead, or a new one. `wanted` false (a run of one vendor)
 * stops a worker started ahead and gives none; so does a worker started ahead that failed.
 */
export function takeVendorWorker(wanted: boolean): TakenWorker | undefined {
  const ahead = prestarted;
  prestarted = undefined;
  if (ahead) {
    ahead.stopListening();
    if (!wanted || ahead.failed) {
      void ahead.worker.terminate();
      return undefined;
    }
    ahead.worker.ref();
    return { worker: ahead.worker, said: ahead.said };
  }
  const worker = wanted ? startVendorWorker() : undefined;
  return worker ? { worker, said: [] } : undefined;
}
