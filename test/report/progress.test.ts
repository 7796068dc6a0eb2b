import { describe, expect, it } from 'vitest';
import {
  createProgress,
  formatProgressLine,
  type ProgressClock,
} from '../../src/report/reporters/progress.js';

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

  it('writes nothing at all with --quiet, on a terminal or not', () => {
    for (const isTTY of [true, false]) {
      const out = stream(isTTY);
      const progress = createProgress(out, { quiet: true, clock: fakeClock().clock });
      progress.update({ vendorName: event.vendorName, checkTitle: event.checkTitle });
      progress.activity('waiting 58.0 s (Retry-After: 58)');
      progress.update(event);
      progress.finish();
      expect(out.writes).toEqual([]);
    }
  });
});

/** A clock the test moves by hand; `advance` runs the ticks that fall due on the way, as a timer would. */
function fakeClock() {
  let now = 0;
  let tick: (() => void) | undefined;
  let every = 0;
  let stopped = false;
  const clock: ProgressClock = {
    now: () => now,
    every: (ms, fn) => {
      every = ms;
      tick = fn;
      return () => {
        stopped = true;
      };
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    while (now + every <= end) {
      now += every;
      tick?.();
    }
    now = end;
  };
  return { clock, advance, stopped: () => stopped };
}

describe('plain progress, when stderr is not a terminal', () => {
  const start = (title: string, vendorName = 'Vendor A', done = 0) => ({
    vendorName,
    checkTitle: title,
    done,
    total: 40,
  });

  it('writes one line as each vendor starts and nothing for checks that take under a second', () => {
    const out = stream(false);
    const time = fakeClock();
    const progress = createProgress(out, { clock: time.clock });
    progress.update(start('First'));
    time.advance(400);
    progress.update({ ...start('First'), outcome: 'pass', done: 1 });
    progress.update(start('Second', 'Vendor A', 1));
    time.advance(900);
    progress.update({ ...start('Second'), outcome: 'fail', done: 2 });
    progress.update(start('Third', 'Vendor B', 2));
    progress.finish();
    expect(out.writes).toEqual(['[0/40] Vendor A: checking\n', '[2/40] Vendor B: checking\n']);
    expect(out.writes.join('')).not.toContain('\r');
    expect(time.stopped()).toBe(true);
  });

  it('says what a slow check waits for, then how it ended, and is throttled in between', () => {
    const out = stream(false);
    const time = fakeClock();
    const progress = createProgress(out, { clock: time.clock });
    progress.update(start('Waits out a 429'));
    progress.activity('waiting 58.0 s (Retry-After: 58)');
    time.advance(1000);
    // A burst of announcements inside one tick prints only the latest.
    progress.activity('waiting 2.00 s (retry 1 by the schedule)');
    progress.activity('waiting 4.00 s (retry 2 by the schedule)');
    time.advance(500);
    time.advance(40_000);
    progress.update({ ...start('Waits out a 429'), outcome: 'pass', done: 1 });
    progress.finish();
    expect(out.writes).toEqual([
      '[0/40] Vendor A: checking\n',
      '  Vendor A › Waits out a 429: waiting 58.0 s (Retry-After: 58)\n',
      '  Vendor A › Waits out a 429: waiting 4.00 s (retry 2 by the schedule)\n',
      '  Vendor A › Waits out a 429: still running (31.5 s)\n',
      '  Vendor A › Waits out a 429 ✓ pass (41.5 s)\n',
    ]);
  });

  it('says a slow check is still running when it has nothing else to say', () => {
    const out = stream(false);
    const time = fakeClock();
    const progress = createProgress(out, { clock: time.clock });
    progress.update(start('Slow'));
    time.advance(1200);
    progress.update({ ...start('Slow'), outcome: 'drift', done: 1 });
    expect(out.writes.slice(1)).toEqual([
      '  Vendor A › Slow: still running (1.00 s)\n',
      '  Vendor A › Slow ! drift (1.20 s)\n',
    ]);
  });
});

describe('response-derived text in progress lines', () => {
  const INJECTED = '\n::stop-commands::x\n';

  it.each([
    ['a terminal', true],
    ['a log', false],
  ] as const)('keeps every line on %s free of workflow commands', (_where, isTTY) => {
    const out = stream(isTTY);
    const time = fakeClock();
    const progress = createProgress(out, { clock: time.clock });
    const started = { vendorName: `Vendor${INJECTED}`, checkTitle: `Title${INJECTED}`, done: 0, total: 1 };
    progress.update(started);
    progress.activity(`waiting 58.0 s (Retry-After: 58${INJECTED})`);
    // Terminal progress takes no clock; only plain progress has ticks to run.
    if (!isTTY) time.advance(1500);
    progress.update({ ...started, outcome: 'pass', done: 1 });
    progress.finish();
    const lines = out.writes.join('').split(/\r\n|\r|\n/);
    expect(lines.filter((line) => line.replaceAll('\x1b[2K', '').trimStart().startsWith('::'))).toEqual([]);
    expect(out.writes.join('')).toContain('Title\\n::stop-commands::x\\n');
  });
});
