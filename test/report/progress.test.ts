import { describe, expect, it } from 'vitest';
import { createProgress, formatProgressLine } from '../../src/report/reporters/progress.js';

function stream(isTTY: boolean, columns = 80) {
  const writes: string[] = [];
  return { writes, isTTY, columns, write: (text: string) => writes.push(text) };
}

const event = {
  vendorName: 'Vendor A',
  checkTitle: 'Rejects a stale id',
  outcome: 'pass' as const,
  done: 3,
  total: 40,
};

describe('live progress', () => {
  it('names the vendor, the check and its outcome on one line', () => {
    expect(formatProgressLine(event)).toBe('[3/40] Vendor A › Rejects a stale id ✓ pass');
    expect(formatProgressLine({ vendorName: 'Vendor A', checkTitle: 'Runs' })).toBe('Vendor A › Runs …');
  });

  it('cuts a long line to the terminal width and keeps the outcome visible', () => {
    const line = formatProgressLine({ ...event, checkTitle: 'x'.repeat(200), outcome: 'fail' }, 60);
    expect(line.length).toBeLessThanOrEqual(59);
    expect(line.endsWith('✗ fail')).toBe(true);
  });

  it('rewrites one line in place on a terminal and clears it when finished', () => {
    const out = stream(true);
    const progress = createProgress(out);
    progress.update(event);
    progress.update({ ...event, done: 4 });
    progress.finish();
    expect(out.writes).toHaveLength(3);
    expect(out.writes[1]).toBe('\r\x1b[2K[4/40] Vendor A › Rejects a stale id ✓ pass');
    expect(out.writes[2]).toBe('\r\x1b[2K');
  });

  it('writes nothing at all when the stream is not a terminal', () => {
    const out = stream(false);
    const progress = createProgress(out);
    progress.update(event);
    progress.finish();
    expect(out.writes).toEqual([]);
  });
});
