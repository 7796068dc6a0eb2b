import { afterAll, beforeAll } from 'vitest';
import type { VendorId } from '../../src/index.js';
import { getVendor } from '../../src/index.js';
import {
  type RunningSimulator,
  type StartSimulatorOptions,
  startSimulator,
} from '../../src/simulator/index.js';
import { atPointer } from '../helpers/envelope-readers.js';

export { atPointer, codeOf } from '../helpers/envelope-readers.js';

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The request id at the vendor's pointer, checked against its pattern; undefined where none is promised. */
export function requestIdProblem(vendorId: VendorId, body: unknown): string | undefined {
  const { requestId } = getVendor(vendorId).policy;
  if (!requestId.promised || !requestId.pointer || !requestId.pattern) return undefined;
  const id = atPointer(body, requestId.pointer);
  if (typeof id !== 'string') return `no request id at ${requestId.pointer}`;
  return new RegExp(requestId.pattern).test(id)
    ? undefined
    : `request id ${id} does not match ${requestId.pattern}`;
}

/**
 * Waits, a turn of the event loop at a time, until a condition holds: for things happening on
 * sockets in this process. Bounded by a count, so a broken condition fails instead of hanging.
 */
export async function eventually(condition: () => boolean, turns = 2_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error('The condition never held.');
}

/** Starts one simulator for the file's tests and closes it afterwards; call the result to reach it. */
export function useSimulator(options: StartSimulatorOptions = {}): () => RunningSimulator {
  let sim: RunningSimulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator(options);
  });
  afterAll(async () => {
    await sim?.close();
  });
  return () => {
    if (!sim) throw new Error('The simulator is not running yet.');
    return sim;
  };
}
