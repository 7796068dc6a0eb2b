/**
 * What the run command's main thread and its vendor worker say to each other. The worker asks for
 * a vendor whenever it is free, checks it against a simulator of its own, and sends back the
 * progress events and the collected results, all plain data.
 */

import type { VendorId } from '../vendors/registry.js';
import type { CheckMeta } from './check-session.js';
import type { Collected } from './collected.js';
import type { RunOptions } from './run-options.js';

/**
 * Main thread to worker: the next vendor to check, with the run's options (local target, plain
 * data; the worker may have started before they were known), or nothing left.
 */
export type ToWorker = { type: 'vendor'; vendorId: VendorId; options: RunOptions } | { type: 'stop' };

/** Worker to main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'start'; vendorName: string; title: string }
  | { type: 'activity'; vendorName: string; text: string }
  | { type: 'end'; vendorName: string; meta: CheckMeta }
  | { type: 'collected'; vendorId: VendorId; collected: Collected };
