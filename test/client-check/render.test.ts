import { describe, expect, it } from 'vitest';
import {
  compactTimeline,
  eventLine,
  renderClientCheck,
  renderClientCheckRun,
} from '../../src/client-check/render.js';
import type { ClientCheckResult, RuleVerdict } from '../../src/client-check/types.js';
import type { TimelineEvent } from '../../src/report/result.js';

/** Two sequences of a client that waited too little: what a violated backoff rule carries. */
function sequence(title: string): TimelineEvent[] {
  return [
    { kind: 'note', atMs: 0, label: `sequence: ${title}` },
    { kind: 'request', atMs: 0, attempt: 1, label: 'GET /v1/claims' },
    { kind: 'response', atMs: 0, attempt: 1, status: 503, label: 'service_unavailable' },
    {
      kind: 'wait',
      atMs: 0,
      durationMs: 300,
      label: 'wait before call 2',
      allowedMs: { min: 1000, max: 1000 },
    },
    { kind: 'request', atMs: 300, attempt: 2, label: 'GET /v1/claims' },
    { kind: 'response', atMs: 300, attempt: 2, status: 200 },
    { kind: 'note', atMs: 300, label: 'the client returned status 200' },
  ];
}

const verdict = (
  rule: string,
  outcome: RuleVerdict['outcome'],
  timeline: TimelineEvent[] = [],
): RuleVerdict => ({
  rule,
  title: `the ${rule} rule`,
  outcome,
  reason: `why ${rule} is ${outcome}`,
  timeline,
});

function result(vendorName: string, verdicts: RuleVerdict[]): ClientCheckResult {
  return {
    vendorId: 'foresight',
    vendorName,
    verdicts,
    passed: verdicts.every((v) => v.outcome !== 'violated'),
    requests: 12,
    virtualTimeMs: 4000,
    wallTimeMs: 80,
  };
}

const violating = result('Foresight', [
  verdict('backoff.schedule', 'violated', [
    ...sequence('503, then success'),
    ...sequence('500 on every call'),
  ]),
  verdict('no_retry.403', 'obeyed'),
  verdict('no_retry.404', 'obeyed'),
  verdict('idempotency.fresh_key', 'not_applicable'),
]);
const obeying = result('Collate', [
  verdict('backoff.schedule', 'obeyed'),
  verdict('no_retry.403', 'obeyed'),
  verdict('no_retry.404', 'advice', sequence('404 on every call')),
  verdict('idempotency.fresh_key', 'obeyed'),
]);

describe('client-check output', () => {
  it('names a window with no room by its one value ("allowed 1.00 s", not "1.00 s to 1.00 s")', () => {
    const wait = sequence('x')[3] as TimelineEvent;
    expect(eventLine(wait)).toMatch(/waited 300 ms \(allowed 1\.00 s\)$/);
    expect(eventLine({ ...wait, allowedMs: { min: 1000, max: 1500 } } as TimelineEvent)).toMatch(
      /\(allowed 1\.00 s to 1\.50 s\)$/,
    );
  });

  it('puts each call on one line in the compact timeline: what was sent, what came back, the wait', () => {
    expect(compactTimeline(sequence('503, then success')).map((line) => line.trim())).toEqual([
      '+0 ms  sequence: 503, then success',
      '+0 ms  call 1: GET /v1/claims → 503 service_unavailable; waited 300 ms (allowed 1.00 s)',
      '+300 ms  call 2: GET /v1/claims → 200',
      '+300 ms  the client returned status 200',
    ]);
  });

  it('details violations and advice, and names the other rules in one line per outcome', () => {
    const text = renderClientCheck(violating);
    expect(text).toContain('why backoff.schedule is violated');
    expect(text).toContain('sequence: 503, then success');
    // The second sequence is behind --verbose.
    expect(text).not.toContain('sequence: 500 on every call');
    expect(text).toContain('(1 more sequence with --verbose)');
    expect(text).toMatch(/^ {2}obeyed {4}no_retry\.403, no_retry\.404$/m);
    expect(text).toMatch(/^ {2}n\/a {7}idempotency\.fresh_key$/m);
    expect(text).not.toContain('why no_retry.403 is obeyed');
  });

  it('gives every rule its reason and every event its own line with --verbose', () => {
    const text = renderClientCheck(violating, { verbose: true });
    expect(text).toContain('why no_retry.403 is obeyed');
    expect(text).toContain('why idempotency.fresh_key is not_applicable');
    expect(text).toContain('sequence: 500 on every call');
    expect(text).toMatch(/call 1: GET \/v1\/claims\n\s+\+0 ms {2}answer 503/);
    expect(text.split('\n').length).toBeGreaterThan(renderClientCheck(violating).split('\n').length);
  });

  it('ends a run over several vendors with a table of every rule across them', () => {
    const text = renderClientCheckRun([violating, obeying]);
    const table = text.slice(text.lastIndexOf('\nrule '));
    const [header = '', , ...rows] = table.trim().split('\n');
    expect(header).toMatch(/^rule\s+Foresight\s+Collate$/);
    expect(rows.slice(0, 4)).toEqual([
      expect.stringMatching(/^backoff\.schedule\s+✗ VIOLATED\s+✓ obeyed$/),
      expect.stringMatching(/^no_retry\.403\s+✓ obeyed\s+✓ obeyed$/),
      expect.stringMatching(/^no_retry\.404\s+✓ obeyed\s+ⓘ advice$/),
      expect.stringMatching(/^idempotency\.fresh_key\s+– n\/a\s+✓ obeyed$/),
    ]);
    expect(text).toContain('1 of 2 vendors without a violation.');
    expect(renderClientCheckRun([violating])).not.toMatch(/^rule /m);
  });
});
