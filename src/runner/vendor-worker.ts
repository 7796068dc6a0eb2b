/**
 * A worker thread of the run command (local target): checks the vendors the main thread hands it,
 * one at a time, each against an embedded simulator of its own in this thread, through the same
 * in-process loop the main thread runs. It lets a run use a second core; see run-on-two-threads.ts.
 */
import { parentPort } from 'node:worker_threads';
import { runInProcess } from './run-in-process.js';
import type { FromWorker, ToWorker } from './vendor-worker-protocol.js';

const port = parentPort;
if (port) {
  const post = (message: FromWorker) => port.postMessage(message);
  port.on('message', async (message: ToWorker) => {
    if (message.type === 'stop') {
      port.close();
      return;
    }
    const { vendorId, options } = message;
    const collected = await runInProcess(
      { ...options, vendors: [vendorId] },
      {
        onCheckStart: (title, vendorName) => post({ type: 'start', vendorName, title }),
        onCheckActivity: (text, vendorName) => post({ type: 'activity', vendorName, text }),
        onCheckEnd: (meta, vendorName) => post({ type: 'end', vendorName, meta }),
      },
    );
    post({ type: 'collected', vendorId, collected });
    post({ type: 'ready' });
  });
  post({ type: 'ready' });
}
