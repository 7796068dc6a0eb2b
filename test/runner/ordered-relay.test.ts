import { describe, expect, it } from 'vitest';
import type { CheckMeta } from '../../src/runner/check-session.js';
import type { RunListener } from '../../src/runner/collected.js';
import { createOrderedRelay } from '../../src/runner/ordered-relay.js';

function recorder(): { told: string[]; listener: RunListener } {
  const told: string[] = [];
  return {
    told,
    listener: {
      onCheckStart: (title, vendor) => told.push(`${vendor} start ${title}`),
      onCheckActivity: (text, vendor) => told.push(`${vendor} activity ${text}`),
      onCheckEnd: (meta, vendor) => told.push(`${vendor} end ${meta.result.id}`),
    },
  };
}

const meta = (id: string) => ({ result: { id } }) as unknown as CheckMeta;

describe('progress of vendors checked at the same time', () => {
  it('is told live for the first unfinished vendor and held for the ones after it', () => {
    const { told, listener } = recorder();
    const relay = createOrderedRelay(['A', 'B', 'C'], listener);
    relay.forVendor('B').onCheckStart?.('b1', 'B');
    relay.forVendor('A').onCheckStart?.('a1', 'A');
    expect(told).toEqual(['A start a1']);
    relay.forVendor('B').onCheckEnd?.(meta('b1'), 'B');
    relay.forVendor('A').onCheckActivity?.('waiting', 'A');
    relay.forVendor('A').onCheckEnd?.(meta('a1'), 'A');
    expect(told).toEqual(['A start a1', 'A activity waiting', 'A end a1']);
    // A is done: B's held events follow in the order they happened, then B's go through live.
    relay.vendorDone('A');
    expect(told.slice(3)).toEqual(['B start b1', 'B end b1']);
    relay.forVendor('B').onCheckStart?.('b2', 'B');
    expect(told.at(-1)).toBe('B start b2');
  });

  it('tells the stream a sequential run tells, whichever vendor finishes first', () => {
    const { told, listener } = recorder();
    const relay = createOrderedRelay(['A', 'B', 'C'], listener);
    // C and B finish before A has started.
    relay.forVendor('C').onCheckStart?.('c1', 'C');
    relay.forVendor('C').onCheckEnd?.(meta('c1'), 'C');
    relay.vendorDone('C');
    relay.forVendor('B').onCheckStart?.('b1', 'B');
    relay.forVendor('B').onCheckEnd?.(meta('b1'), 'B');
    relay.vendorDone('B');
    expect(told).toEqual([]);
    relay.forVendor('A').onCheckStart?.('a1', 'A');
    relay.forVendor('A').onCheckEnd?.(meta('a1'), 'A');
    relay.vendorDone('A');
    expect(told).toEqual(['A start a1', 'A end a1', 'B start b1', 'B end b1', 'C start c1', 'C end c1']);
  });
});
