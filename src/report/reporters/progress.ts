/**
 * Live progress for a person watching a terminal: one line, rewritten in place as checks finish.
 * Nothing at all is written when the stream is not a terminal, so CI logs and pipes stay clean and
 * carry only the final summary.
 */
import { OUTCOME_LABELS } from '../format.js';
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
  const line = `${count}${event.vendorName} › ${event.checkTitle} ${status}`;
  // One column spare: writing into the last column makes some terminals wrap.
  const width = Math.max(columns - 1, 20);
  if (line.length <= width) return line;
  const keep = width - status.length - 2;
  return `${line.slice(0, Math.max(keep, 0))}… ${status}`;
}

export interface Progress {
  update: (event: ProgressEvent) => void;
  /** Clears the progress line so the summary starts on a clean line. */
  finish: () => void;
}

export function createProgress(stream: ProgressStream): Progress {
  if (!stream.isTTY) return { update: () => {}, finish: () => {} };
  let shown = false;
  return {
    update: (event) => {
      stream.write(`${CLEAR_LINE}${formatProgressLine(event, stream.columns)}`);
      shown = true;
    },
    finish: () => {
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}
