import { describe, expect, it } from 'vitest';
import { numberCalls } from '../../src/report/reporters/html/calls.js';
import { assignRows } from '../../src/report/reporters/html/label-rows.js';
import { renderTimelineSvg } from '../../src/report/reporters/html/timeline-svg.js';
import { refreshTimeline } from './fixtures.js';

describe('assignRows', () => {
  it('keeps spans that clear each other in one row and moves a span that meets another to the next', () => {
    expect(
      assignRows([
        { left: 0, right: 10 },
        { left: 20, right: 30 },
      ]),
    ).toEqual([0, 0]);
    expect(
      assignRows([
        { left: 0, right: 10 },
        { left: 5, right: 15 },
        { left: 8, right: 9 },
      ]),
    ).toEqual([0, 1, 2]);
    expect(
      assignRows([
        { left: 0, right: 10 },
        { left: 5, right: 15 },
        { left: 16, right: 20 },
      ]),
    ).toEqual([0, 1, 0]);
  });

  it('places spans from the left whatever order they come in', () => {
    expect(
      assignRows([
        { left: 20, right: 30 },
        { left: 0, right: 10 },
      ]),
    ).toEqual([0, 0]);
  });
});

describe('numberCalls', () => {
  it('numbers the calls of a refresh sequence in order and gives each its own response', () => {
    const calls = numberCalls(refreshTimeline());
    expect(calls.map((call) => [call.number, call.label, call.response?.status])).toEqual([
      [1, 'POST /oauth2/token', 200],
      [2, 'GET /claims/1', 200],
      [3, 'GET /claims/1', 401],
      [4, 'POST /oauth2/token', 200],
      [5, 'GET /claims/1', 200],
    ]);
  });

  it('pairs a response that comes late with the call held in flight', () => {
    const calls = numberCalls([
      { kind: 'request', atMs: 0, attempt: 1, label: 'POST /claims' },
      { kind: 'request', atMs: 0, attempt: 2, label: 'POST /claims' },
      { kind: 'response', atMs: 0, attempt: 2, status: 409, label: 'in_use' },
      { kind: 'response', atMs: 60_000, attempt: 1, status: 201 },
    ]);
    expect(calls.map((call) => call.response?.status)).toEqual([201, 409]);
  });
});

describe('the timeline drawing', () => {
  /** Circles of the drawing as [cx, cy]. */
  const circles = (svg: string) =>
    [...svg.matchAll(/<circle [^>]*cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);

  it('draws the 401 of a refresh where no other call covers it', () => {
    const svg = renderTimelineSvg(refreshTimeline(), 'refresh');
    const marks = circles(svg);
    expect(marks).toHaveLength(5);
    for (const [i, a] of marks.entries()) {
      for (const b of marks.slice(i + 1)) {
        const apart = Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0));
        expect(apart).toBeGreaterThanOrEqual(14);
      }
    }
    expect(svg).toContain('class="mark s4"');
  });

  it('grows to hold stacked calls instead of drawing them over each other', () => {
    const height = (svg: string) => Number(/viewBox="0 0 820 ([\d.]+)"/.exec(svg)?.[1]);
    const single = renderTimelineSvg(refreshTimeline().slice(0, 2), 'one call');
    const stacked = renderTimelineSvg(refreshTimeline(), 'refresh');
    expect(height(stacked)).toBeGreaterThan(height(single));
  });
});
