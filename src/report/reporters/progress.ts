/**
 * Live progress while checks run. On a terminal: one line, rewritten in place as checks finish.
 * Elsewhere (a CI log, a pipe): plain lines that are never rewritten, and few of them: one as each
 * vendor starts, and for a check only once it has run for more than a second (what it is waiting
 * for, then how it ended), so a fast run prints a handful of lines and a sandbox run that sits
 * through a 58 s Retry-After says so instead of printing nothing for a minute.
 */

import { singleLine } from '../../text/single-line.js';
import { formatDuration, OUTCOME_LABELS } from '../format.js';
import type { Outcome } from '../result.js';

export interface ProgressEvent {
  vendorName: string;
  checkTitle: string;
  /** Absent while the check is still running. */
  outcome?: Outcome;
  /** Checks finished so far and in all, when the runner knows the total. */
  done?: number;
  total?: number;
}

export interface ProgressStream {
  write: (text: string) => unknown;
  isTTY?: boolean;
  columns?: number;
}

const CLEAR_LINE = '\r\x1b[2K';

/** "[12/64] Collate › Rejects a stale id … ✓ pass", cut to the terminal's width. */
export function formatProgressLine(event: ProgressEvent, columns = 80): string {
  const count =
    event.done !== undefined && event.total !== undefined ? `[${event.done}/${event.total}] ` : '';
  const status = event.outcome
    ? `${OUTCOME_LABELS[event.outcome].symbol} ${OUTCOME_LABELS[event.outcome].word}`
    : '…';
  const line = `${count}${singleLine(event.vendorName)} › ${singleLine(event.checkTitle)} ${status}`;
  // One column spare: writing into the last column makes some terminals wrap.
  const width = Math.max(columns - 1, 20);
  if (line.length <= width) return line;
  const keep = width - status.length - 2;
  return `${line.slice(0, Math.max(keep, 0))}… ${status}`;
}

export interface Progress {
  /** A check started (no outcome) or ended (with its outcome). */
  update: (event: ProgressEvent) => void;
  /** What the running check is doing now, "waiting 58.0 s (Retry-After: 58)". */
  activity: (text: string) => void;
  /** Clears the progress line (or stops the plain lines' timer) so the summary starts cleanly. */
  finish: () => void;
}

/** The clock plain progress reads and the timer that wakes it; injected by tests. */
export interface ProgressClock {
  now: () => number;
  /** Calls `tick` every `ms` until the returned function is called. */
  every: (ms: number, tick: () => void) => () => void;
}

export interface ProgressOptions {
  /** No progress at all (the CLI's --quiet). */
  quiet?: boolean;
  clock?: ProgressClock;
}

/** A check that runs longer than this gets plain lines; shorter ones stay silent. */
export const SLOW_CHECK_MS = 1000;
/** A slow check with nothing new to say repeats "still running" no more often than this. */
export const STILL_RUNNING_EVERY_MS = 30_000;

const realClock: ProgressClock = {
  now: () => performance.now(),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    // Progress must never keep the process alive after the run.
    timer.unref();
    return () => clearInterval(timer);
  },
};

const NO_PROGRESS: Progress = { update: () => {}, activity: () => {}, finish: () => {} };

export function createProgress(stream: ProgressStream, options: ProgressOptions = {}): Progress {
  if (options.quiet) return NO_PROGRESS;
  return stream.isTTY ? terminalProgress(stream) : plainProgress(stream, options.clock ?? realClock);
}

function terminalProgress(stream: ProgressStream): Progress {
  let shown = false;
  return {
    update: (event) => {
      stream.write(`${CLEAR_LINE}${formatProgressLine(event, stream.columns)}`);
      shown = true;
    },
    activity: () => {},
    finish: () => {
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}

interface RunningCheck {
  event: ProgressEvent;
  startedAt: number;
  /** The latest activity, and the one last printed. */
  activity?: string;
  printed?: string;
  lastLineAt?: number;
}

function plainProgress(stream: ProgressStream, clock: ProgressClock): Progress {
  let vendor: string | undefined;
  let running: RunningCheck | undefined;
  const line = (text: string) => stream.write(`${text}\n`);
  const name = (event: ProgressEvent) =>
    `  ${singleLine(event.vendorName)} › ${singleLine(event.checkTitle)}`;
  // At most one line per check per tick: a check that announces many waits in a second is throttled.
  const tick = () => {
    if (!running) return;
    const now = clock.now();
    const elapsed = now - running.startedAt;
    if (elapsed < SLOW_CHECK_MS) return;
    if (running.activity !== undefined && running.activity !== running.printed) {
      line(`${name(running.event)}: ${singleLine(running.activity)}`);
      running.printed = running.activity;
    } else if (running.lastLineAt === undefined || now - running.lastLineAt >= STILL_RUNNING_EVERY_MS) {
      line(`${name(running.event)}: still running (${formatDuration(elapsed)})`);
    } else {
      return;
    }
    running.lastLineAt = now;
  };
  const stop = clock.every(SLOW_CHECK_MS / 2, tick);
  return {
    update: (event) => {
      if (event.outcome === undefined) {
        if (event.vendorName !== vendor) {
          vendor = event.vendorName;
          const count =
            event.done !== undefined && event.total !== undefined ? `[${event.done}/${event.total}] ` : '';
          line(`${count}${singleLine(event.vendorName)}: checking`);
        }
        running = { event, startedAt: clock.now() };
        return;
      }
      // A check that showed lines says how it ended; a quick one stays silent.
      if (running?.lastLineAt !== undefined) {
        const label = OUTCOME_LABELS[event.outcome];
        line(
          `${name(event)} ${label.symbol} ${label.word} (${formatDuration(clock.now() - running.startedAt)})`,
        );
      }
      running = undefined;
    },
    activity: (text) => {
      if (running) running.activity = text;
    },
    finish: () => {
      stop();
      running = undefined;
    },
  };
}
