import { describe, expect, it } from 'vitest';
import type { ConformanceTarget } from '../../src/conformance/types.js';
import { PROGRESS_ANNOTATION } from '../../src/runner/run-options.js';
import { announcingWaits } from '../../src/runner/targets/announcing-waits.js';
import { createCollector } from '../../src/runner/vitest/collect-results.js';

describe('progress from a running check', () => {
  it('announces each wait of a second or more, with what it is for, before it starts', async () => {
    const events: string[] = [];
    const inner = {
      baseUrl: () => 'http://127.0.0.1:1',
      now: () => 0,
      wait: async (ms: number, label?: string) => {
        events.push(`waited ${ms} ${label}`);
      },
    } as unknown as ConformanceTarget;
    const target = announcingWaits(inner, async (text) => events.push(text));
    await target.wait(58_000, 'Retry-After: 58');
    await target.wait(999, 'too short to mention');
    expect(events).toEqual([
      'waiting 58.0 s (Retry-After: 58)',
      'waited 58000 Retry-After: 58',
      'waited 999 too short to mention',
    ]);
    // Everything else is the target's own.
    expect(target.baseUrl('collate')).toBe('http://127.0.0.1:1');
  });

  it('reach the run command as activity of the check, and other annotations do not', () => {
    const seen: string[] = [];
    const { reporter } = createCollector({
      onCheckActivity: (text, vendor) => seen.push(`${vendor}: ${text}`),
    });
    const testCase = { parent: { type: 'suite', name: 'Collate (sandbox)' } } as never;
    reporter.onTestCaseAnnotate?.(testCase, { type: PROGRESS_ANNOTATION, message: 'waiting 2.00 s (x)' });
    reporter.onTestCaseAnnotate?.(testCase, { type: 'notice', message: 'from someone else' });
    expect(seen).toEqual(['Collate: waiting 2.00 s (x)']);
  });
});
