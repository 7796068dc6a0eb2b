/**
 * A retry sequence drawn to scale on the virtual clock: each request a mark coloured by the status
 * that came back, each wait a bar as long as the wait, the window the vendor's rules allow drawn
 * faintly behind it. A table of the same events follows, for exact figures and screen readers.
 */
import { escapeMarkup as esc } from '../../escape.js';
import { formatDuration } from '../../format.js';
import type { TimelineEvent, TimelineResponse } from '../../result.js';

const WIDTH = 820;
const HEIGHT = 166;
const LEFT = 56;
const RIGHT = 24;
const LANE_CALLS = 46;
const LANE_WAITS = 92;
const AXIS = 126;
/** Tick spacings to choose from, so the axis reads in round numbers whatever the total. */
const TICK_STEPS = [
  10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000,
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

export function renderTimelineSvg(events: readonly TimelineEvent[], title: string): string {
  const span = Math.max(1, ...events.map(eventEnd));
  const x = (ms: number) => num(LEFT + (ms / span) * (WIDTH - LEFT - RIGHT));
  const step = TICK_STEPS.find((candidate) => span / candidate <= 8) ?? span / 8;
  const responses = new Map<number, TimelineResponse>();
  for (const event of events) if (event.kind === 'response') responses.set(event.attempt, event);

  const parts: string[] = [];
  for (let at = 0; at <= span + 1e-9; at += step) {
    parts.push(
      `<g class="tick"><line x1="${x(at)}" y1="${AXIS}" x2="${x(at)}" y2="${AXIS + 5}"/><text x="${x(at)}" y="${AXIS + 17}" text-anchor="middle">${esc(formatDuration(at))}</text></g>`,
    );
  }
  parts.push(`<line class="axis" x1="${LEFT}" y1="${AXIS}" x2="${WIDTH - RIGHT}" y2="${AXIS}"/>`);
  parts.push(`<text class="lane" x="4" y="${LANE_CALLS + 4}">calls</text>`);
  parts.push(`<text class="lane" x="4" y="${LANE_WAITS + 4}">waits</text>`);

  for (const event of events) {
    if (event.kind === 'wait') {
      const start = x(event.atMs);
      const width = Math.max(1.5, num(x(event.atMs + event.durationMs) - start));
      const label = `${event.label}: waited ${formatDuration(event.durationMs)}`;
      if (event.allowedMs) {
        const from = x(event.atMs + event.allowedMs.min);
        const to = x(event.atMs + event.allowedMs.max);
        parts.push(
          `<rect class="allowed" x="${from}" y="${LANE_WAITS - 12}" width="${Math.max(1.5, num(to - from))}" height="24" rx="3"><title>${esc(`allowed: ${formatDuration(event.allowedMs.min)} to ${formatDuration(event.allowedMs.max)}`)}</title></rect>`,
        );
      }
      parts.push(
        `<rect class="wait" x="${start}" y="${LANE_WAITS - 7}" width="${width}" height="14" rx="2"><title>${esc(label)}</title></rect>`,
      );
      parts.push(
        `<text x="${num(start + width / 2)}" y="${LANE_WAITS + 24}" text-anchor="middle">${esc(formatDuration(event.durationMs))}</text>`,
      );
    } else if (event.kind === 'request') {
      const at = x(event.atMs);
      const response = responses.get(event.attempt);
      const tip = `attempt ${event.attempt}: ${event.label}${response ? ` → ${response.status}${response.label ? ` ${response.label}` : ''}` : ''}`;
      parts.push(`<line class="stem" x1="${at}" y1="${LANE_CALLS - 18}" x2="${at}" y2="${AXIS}"/>`);
      parts.push(
        `<circle class="${statusClass(response?.status)}" cx="${at}" cy="${LANE_CALLS}" r="7"><title>${esc(tip)}</title></circle>`,
      );
      parts.push(`<text x="${at}" y="${LANE_CALLS - 22}" text-anchor="middle">#${event.attempt}</text>`);
      if (response) {
        parts.push(
          `<text class="status" x="${num(at + 10)}" y="${LANE_CALLS + 4}">${esc(String(response.status))}</text>`,
        );
      }
    } else if (event.kind === 'note') {
      // Notes sit on the axis with their words beneath the tick labels, clear of the marks above.
      const at = x(event.atMs);
      const anchor = at > WIDTH / 2 ? 'end' : 'start';
      parts.push(
        `<path class="note" d="M${at} ${AXIS - 6} l6 6 l-6 6 l-6 -6 z"><title>${esc(event.label)}</title></path>`,
      );
      parts.push(
        `<text class="note-label" x="${at}" y="${AXIS + 34}" text-anchor="${anchor}">${esc(event.label)}</text>`,
      );
    }
  }
  return `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${parts.join('')}</svg>`;
}

function describe(event: TimelineEvent): [string, string] {
  switch (event.kind) {
    case 'request':
      return [`request #${event.attempt}`, event.label];
    case 'response':
      return [`response #${event.attempt}`, `${event.status}${event.label ? ` ${event.label}` : ''}`];
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

/** The drawing and the table of events under it. */
export function renderTimeline(events: readonly TimelineEvent[]): string {
  const total = events.reduce((sum, event) => sum + (event.kind === 'wait' ? event.durationMs : 0), 0);
  const title = `Retry sequence on the virtual clock: ${events.filter((e) => e.kind === 'request').length} calls, ${formatDuration(total)} of waiting`;
  const rows = events
    .map((event) => {
      const [what, detail] = describe(event);
      return `<tr><td class="mono">${esc(formatDuration(event.atMs))}</td><th scope="row">${esc(what)}</th><td>${esc(detail)}</td></tr>`;
    })
    .join('');
  const key =
    '<p class="key">Circles are calls, coloured by the status that came back (green 2xx, amber 4xx, red 5xx); bars are waits, drawn to scale; a dashed box is the window the vendor\'s rules allow for that wait; diamonds mark notes.</p>';
  return `<figure class="timeline"><figcaption><h4>${esc(title)}</h4>${key}</figcaption>${renderTimelineSvg(events, title)}<table class="events"><thead><tr><th>at</th><th>event</th><th>detail</th></tr></thead><tbody>${rows}</tbody></table></figure>`;
}
