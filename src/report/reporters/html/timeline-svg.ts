/**
 * A retry sequence drawn to scale on the virtual clock: each request a mark coloured by the status
 * that came back, each wait a bar as long as the wait, the window the vendor's rules allow drawn
 * faintly behind it. Marks and labels that would meet (a refresh sends its token request and the
 * repeated call in the same virtual millisecond) are moved to rows of their own rather than drawn
 * over each other. A table of the same events follows, for exact figures and screen readers.
 */
import { plural } from '../../../text/plural.js';
import { escapeMarkup as esc } from '../../escape.js';
import { formatDuration } from '../../format.js';
import type { TimelineEvent, TimelineNote, TimelineWait } from '../../result.js';
import { type NumberedCall, numberCalls } from './calls.js';
import { assignRows, rowCount, textWidth } from './label-rows.js';

const WIDTH = 820;
const LEFT = 56;
const RIGHT = 24;
const RADIUS = 7;
const CALL_ROW = 22;
const LABEL_ROW = 14;
const TOP = 14;
/** Tick spacings to choose from, so the axis reads in round numbers whatever the total. */
const TICK_STEPS = [
  10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
  900_000, 1_800_000, 3_600_000,
];

function eventEnd(event: TimelineEvent): number {
  if (event.kind !== 'wait') return event.atMs;
  return Math.max(event.atMs + event.durationMs, event.atMs + (event.allowedMs?.max ?? 0));
}

function statusClass(status: number | undefined): string {
  if (status === undefined) return 'mark';
  return `mark s${Math.floor(status / 100)}`;
}

const num = (value: number) => Number(value.toFixed(1));

/** "#3 401": the call's number in the check and the status it got. */
const callLabel = (call: NumberedCall) => `#${call.number}${call.response ? ` ${call.response.status}` : ''}`;

function callTip(call: NumberedCall): string {
  const response = call.response
    ? ` → ${call.response.status}${call.response.label ? ` ${call.response.label}` : ''}`
    : '';
  return `request #${call.number}: ${call.label}${response}`;
}

export function renderTimelineSvg(events: readonly TimelineEvent[], title: string): string {
  const span = Math.max(1, ...events.map(eventEnd));
  const x = (ms: number) => num(LEFT + (ms / span) * (WIDTH - LEFT - RIGHT));
  // At most eight ticks, and never so close that their labels (the longest is the last) would meet.
  const room = textWidth(formatDuration(span)) + 8;
  const step =
    TICK_STEPS.find(
      (candidate) => span / candidate <= 8 && (WIDTH - LEFT - RIGHT) * (candidate / span) >= room,
    ) ?? span / 8;
  const calls = numberCalls(events);
  const waits = events.filter((event): event is TimelineWait => event.kind === 'wait');
  const notes = events.filter((event): event is TimelineNote => event.kind === 'note');

  // Calls: the mark and its label travel together, the label to the right of the mark unless
  // that would run off the drawing (a call at the very end), then to its left.
  const labelOnLeft = (call: NumberedCall) =>
    x(call.atMs) + RADIUS + 3 + textWidth(callLabel(call), true) > WIDTH - 2;
  const callSpans = calls.map((call) => {
    const at = x(call.atMs);
    const width = textWidth(callLabel(call), true);
    return labelOnLeft(call)
      ? { left: at - RADIUS - 3 - width, right: at + RADIUS + 1 }
      : { left: at - RADIUS - 1, right: at + RADIUS + 3 + width };
  });
  const callRows = assignRows(callSpans);
  const callY = (row: number) => TOP + 12 + row * CALL_ROW;
  const waitY = callY(rowCount(callRows) - 1) + RADIUS + 26;
  const waitBar = (wait: TimelineWait) => {
    const start = x(wait.atMs);
    return { start, width: Math.max(1.5, num(x(wait.atMs + wait.durationMs) - start)) };
  };
  const waitRows = assignRows(
    waits.map((wait) => {
      const { start, width } = waitBar(wait);
      const half = textWidth(formatDuration(wait.durationMs)) / 2;
      return { left: start + width / 2 - half, right: start + width / 2 + half };
    }),
  );
  const axis = waitY + 24 + rowCount(waitRows) * LABEL_ROW - 4;
  const noteAnchor = (at: number) => (at > WIDTH / 2 ? 'end' : 'start');
  const noteRows = assignRows(
    notes.map((note) => {
      const at = x(note.atMs);
      const width = textWidth(note.label);
      return noteAnchor(at) === 'end' ? { left: at - width, right: at } : { left: at, right: at + width };
    }),
  );
  const height = axis + (notes.length > 0 ? 34 + (rowCount(noteRows) - 1) * LABEL_ROW + 8 : 26);

  const parts: string[] = [];
  for (let at = 0; at <= span + 1e-9; at += step) {
    const label = formatDuration(at);
    // The last tick's words end at their tick rather than run off the drawing.
    const anchor = x(at) + textWidth(label) / 2 > WIDTH - 2 ? 'end' : 'middle';
    parts.push(
      `<g class="tick"><line x1="${x(at)}" y1="${axis}" x2="${x(at)}" y2="${axis + 5}"/><text x="${x(at)}" y="${axis + 17}" text-anchor="${anchor}">${esc(label)}</text></g>`,
    );
  }
  parts.push(`<line class="axis" x1="${LEFT}" y1="${axis}" x2="${WIDTH - RIGHT}" y2="${axis}"/>`);
  parts.push(`<text class="lane" x="4" y="${callY(0) + 4}">calls</text>`);
  parts.push(`<text class="lane" x="4" y="${waitY + 4}">waits</text>`);

  waits.forEach((wait, index) => {
    const { start, width } = waitBar(wait);
    const label = `${wait.label}: waited ${formatDuration(wait.durationMs)}`;
    if (wait.allowedMs) {
      const from = x(wait.atMs + wait.allowedMs.min);
      const to = x(wait.atMs + wait.allowedMs.max);
      parts.push(
        `<rect class="allowed" x="${from}" y="${waitY - 12}" width="${Math.max(1.5, num(to - from))}" height="24" rx="3"><title>${esc(`allowed: ${formatDuration(wait.allowedMs.min)} to ${formatDuration(wait.allowedMs.max)}`)}</title></rect>`,
      );
    }
    parts.push(
      `<rect class="wait" x="${start}" y="${waitY - 7}" width="${width}" height="14" rx="2"><title>${esc(label)}</title></rect>`,
    );
    parts.push(
      `<text class="wait-label" x="${num(start + width / 2)}" y="${waitY + 24 + (waitRows[index] ?? 0) * LABEL_ROW}" text-anchor="middle">${esc(formatDuration(wait.durationMs))}</text>`,
    );
  });

  // Stems first, so that no stem is drawn across a mark stacked below another.
  calls.forEach((call, index) => {
    const y = callY(callRows[index] ?? 0);
    parts.push(
      `<line class="stem" x1="${x(call.atMs)}" y1="${y + RADIUS}" x2="${x(call.atMs)}" y2="${axis}"/>`,
    );
  });
  calls.forEach((call, index) => {
    const at = x(call.atMs);
    const y = callY(callRows[index] ?? 0);
    parts.push(
      `<circle class="${statusClass(call.response?.status)}" cx="${at}" cy="${y}" r="${RADIUS}"><title>${esc(callTip(call))}</title></circle>`,
    );
    const left = labelOnLeft(call);
    parts.push(
      `<text class="call-label" x="${num(left ? at - RADIUS - 3 : at + RADIUS + 3)}" y="${y + 4}"${left ? ' text-anchor="end"' : ''}><tspan class="number">#${call.number}</tspan>${
        call.response ? ` <tspan class="status">${esc(String(call.response.status))}</tspan>` : ''
      }</text>`,
    );
  });

  notes.forEach((note, index) => {
    // Notes sit on the axis with their words beneath the tick labels, clear of the marks above.
    const at = x(note.atMs);
    parts.push(
      `<path class="note" d="M${at} ${axis - 6} l6 6 l-6 6 l-6 -6 z"><title>${esc(note.label)}</title></path>`,
    );
    parts.push(
      `<text class="note-label" x="${at}" y="${axis + 34 + (noteRows[index] ?? 0) * LABEL_ROW}" text-anchor="${noteAnchor(at)}">${esc(note.label)}</text>`,
    );
  });
  return `<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${parts.join('')}</svg>`;
}

function describe(event: TimelineEvent, call: NumberedCall | undefined): [string, string] {
  switch (event.kind) {
    case 'request':
      return [`request #${call?.number ?? '?'}`, `${event.label} (attempt ${event.attempt})`];
    case 'response':
      return [
        call ? `response #${call.number}` : 'response',
        `${event.status}${event.label ? ` ${event.label}` : ''}`,
      ];
    case 'wait': {
      const allowed = event.allowedMs
        ? `; allowed ${formatDuration(event.allowedMs.min)} to ${formatDuration(event.allowedMs.max)}`
        : '';
      return ['wait', `${formatDuration(event.durationMs)} (${event.label})${allowed}`];
    }
    case 'note':
      return ['note', event.label];
  }
}

/** The rows of the events table: requests and responses by the call's number in the check. */
function tableRows(events: readonly TimelineEvent[]): Array<[number, string, string]> {
  const calls = numberCalls(events);
  const callOf = new Map<TimelineEvent, NumberedCall>();
  let next = 0;
  for (const event of events) {
    if (event.kind === 'request') callOf.set(event, calls[next++] as NumberedCall);
  }
  for (const call of calls) if (call.response) callOf.set(call.response, call);
  return events.map((event) => [event.atMs, ...describe(event, callOf.get(event))]);
}

/** The drawing and the table of events under it. */
export function renderTimeline(events: readonly TimelineEvent[]): string {
  const total = events.reduce((sum, event) => sum + (event.kind === 'wait' ? event.durationMs : 0), 0);
  const title = `Retry sequence on the virtual clock: ${plural(events.filter((e) => e.kind === 'request').length, 'call')}, ${formatDuration(total)} of waiting`;
  const rows = tableRows(events)
    .map(
      ([atMs, what, detail]) =>
        `<tr><td class="mono">${esc(formatDuration(atMs))}</td><th scope="row">${esc(what)}</th><td>${esc(detail)}</td></tr>`,
    )
    .join('');
  const key =
    '<p class="key">Circles are calls, numbered in the order the check sent them and coloured by the status that came back (green 2xx, amber 4xx, red 5xx); calls made at the same moment are stacked. Bars are waits, drawn to scale; a dashed box is the window the vendor\'s rules allow for that wait; diamonds mark notes.</p>';
  return `<figure class="timeline"><figcaption><h4>${esc(title)}</h4>${key}</figcaption>${renderTimelineSvg(events, title)}<table class="events"><thead><tr><th>at</th><th>event</th><th>detail</th></tr></thead><tbody>${rows}</tbody></table></figure>`;
}
