/**
 * The local target's checks on two threads. Vendors are independent (each gets an embedded
 * simulator of its own, with its own state and clock), so while this thread checks one vendor a
 * worker thread checks another: the run uses a second core, and the worker loads its modules while
 * this thread is already checking. Each vendor's checks stay sequential, in one thread, through the
 * same in-process loop a single-threaded run uses. Vendors are handed out in the run's order to
 * whichever thread is free; progress is told in that order too (ordered-relay.ts) and the results
 * are put in it, so the output is the one a sequential run gives.
 */
import { getVendor, type VendorId } from '../vendors/registry.js';
import { checksToRun } from './check-session.js';
import { type Collected, emptyCollected, noteError, type RunListener } from './collected.js';
import { createOrderedRelay, type OrderedRelay } from './ordered-relay.js';
import { runInProcess } from './run-in-process.js';
import type { RunOptions } from './run-options.js';
import type { FromWorker, ToWorker } from './vendor-worker-protocol.js';
import { type TakenWorker, takeVendorWorker } from './vendor-worker-start.js';

/**
 * The order vendors are handed out in: the run's first vendor first, so the first progress line
 * comes as the run's first check starts, then the rest by their number of checks, most first, so
 * the two threads end close together (the longest jobs first: the last to be handed out are the
 * shortest).
 */
function handOutOrder(options: RunOptions): VendorId[] {
  const [first, ...rest] = options.vendors;
  if (first === undefined) return [];
  const size = new Map(rest.map((id) => [id, checksToRun(options, id).length]));
  return [first, ...rest.sort((a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0))];
}

export async function runOnTwoThreads(options: RunOptions, listener: RunListener = {}): Promise<Collected> {
  const nameOf = (id: VendorId) => getVendor(id).name;
  const relay = createOrderedRelay(options.vendors.map(nameOf), listener);
  const queue = handOutOrder(options);
  const results = new Map<VendorId, Collected>();
  const finish = (vendorId: VendorId, collected: Collected) => {
    results.set(vendorId, collected);
    relay.vendorDone(nameOf(vendorId));
  };

  const here = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift())
      finish(id, await runInProcess({ ...options, vendors: [id] }, relay.forVendor(nameOf(id))));
  };
  const worker = takeVendorWorker(options.vendors.length > 1);
  await Promise.all([here(), worker ? inWorker(worker, options, queue, relay, finish) : undefined]);

  const collected = emptyCollected();
  for (const id of options.vendors) {
    const own = results.get(id);
    if (!own) continue;
    collected.checks.push(...own.checks);
    collected.errors.push(...own.errors);
    for (const message of own.configErrors)
      if (!collected.configErrors.includes(message)) collected.configErrors.push(message);
  }
  return collected;
}

/**
 * Serves vendors from the queue to a worker until the queue is empty. A worker that fails before
 * it takes a vendor costs nothing (this thread checks them all); one that fails while checking a
 * vendor leaves that vendor with the error, so the run says it did not finish.
 */
export function inWorker(
  { worker, said }: TakenWorker,
  options: RunOptions,
  queue: VendorId[],
  relay: OrderedRelay,
  finish: (vendorId: VendorId, collected: Collected) => void,
): Promise<void> {
  return new Promise((resolve) => {
    let assigned: VendorId | undefined;
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      resolve();
    };
    const fail = (error: Error) => {
      if (assigned !== undefined) {
        const lost = emptyCollected();
        noteError(lost, error, `${getVendor(assigned).name} (worker thread)`);
        const vendorId = assigned;
        assigned = undefined;
        finish(vendorId, lost);
      }
      settle();
    };
    const send = (message: ToWorker) => worker.postMessage(message);
    const heard = (message: FromWorker) => {
      switch (message.type) {
        case 'ready': {
          const next = queue.shift();
          assigned = next;
          if (next === undefined) {
            send({ type: 'stop' });
            settle();
          } else send({ type: 'vendor', vendorId: next, options });
          return;
        }
        case 'start':
          relay.forVendor(message.vendorName).onCheckStart?.(message.title, message.vendorName);
          return;
        case 'activity':
          relay.forVendor(message.vendorName).onCheckActivity?.(message.text, message.vendorName);
          return;
        case 'end':
          relay.forVendor(message.vendorName).onCheckEnd?.(message.meta, message.vendorName);
          return;
        case 'collected':
          assigned = undefined;
          finish(message.vendorId, message.collected);
          return;
      }
    };
    for (const message of said) heard(message);
    worker.on('message', heard);
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the worker thread exited with code ${code}`)));
  });
}
