/**
 * Progress from vendors checked at the same time, told in the order a sequential run tells it.
 * Each vendor's events pass straight through while every vendor before it in the run's order has
 * finished; the events of a vendor further on wait until then and are told at once, in the order
 * they happened. So the listener (the progress lines, their counts) sees exactly the stream a run
 * of one vendor after another gives, whichever vendor finishes first.
 */
import type { CheckMeta } from './check-session.js';
import type { RunListener } from './collected.js';

type Event = (listener: RunListener) => void;

export interface OrderedRelay {
  /** The listener one vendor's checks report to. */
  forVendor(vendorName: string): RunListener;
  /** A vendor has run its last check: the next vendor's held events follow. */
  vendorDone(vendorName: string): void;
}

export function createOrderedRelay(vendorNames: readonly string[], listener: RunListener): OrderedRelay {
  const held = new Map<string, Event[]>(vendorNames.map((name) => [name, []]));
  const done = new Set<string>();
  /** The first vendor, in the run's order, that has not finished: its events are told live. */
  let current = 0;
  const advance = () => {
    while (current < vendorNames.length) {
      const name = vendorNames[current] as string;
      for (const event of held.get(name) ?? []) event(listener);
      held.set(name, []);
      if (!done.has(name)) return;
      current++;
    }
  };
  const tell = (vendorName: string, event: Event) => {
    if (vendorNames[current] === vendorName) event(listener);
    else held.get(vendorName)?.push(event);
  };
  return {
    forVendor: (vendorName) => ({
      onCheckStart: (title) => tell(vendorName, (to) => to.onCheckStart?.(title, vendorName)),
      onCheckActivity: (text) => tell(vendorName, (to) => to.onCheckActivity?.(text, vendorName)),
      onCheckEnd: (meta: CheckMeta) => tell(vendorName, (to) => to.onCheckEnd?.(meta, vendorName)),
    }),
    vendorDone: (vendorName) => {
      done.add(vendorName);
      advance();
    },
  };
}
