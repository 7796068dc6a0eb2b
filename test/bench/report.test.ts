import { describe, expect, it } from 'vitest';
import { roundRatios } from '../../scripts/bench/measure.js';
import { renderGoals } from '../../scripts/bench/report.js';
import type { Goal } from '../../scripts/bench/suite.js';

const measured = (rounds: number[]) => ({ name: 'x', opsPerSecond: 0, spread: 0, rounds });

describe('the bench goals report', () => {
  it('takes a ratio round by round and gives its median and range', () => {
    const ratio = roundRatios(measured([10, 20, 30]), measured([5, 20, 10]));
    expect(ratio).toEqual({ median: 2, min: 1, max: 3 });
  });

  it('prints a row per goal that names its measure, then every goal met or missed', () => {
    const goals: Goal[] = [
      {
        description: 'A vs B',
        met: true,
        what: 'Acme: guard, valid body',
        peer: 'typebox',
        measured: { median: 1.25, min: 0.9, max: 2 },
        target: '>= 1x speed',
      },
      {
        description: 'C vs D',
        met: false,
        what: 'Acme: guard, invalid body',
        peer: 'hand guard',
        measured: { median: 1.5, min: 1.25, max: 1.75 },
        target: '<= 1.2x time',
      },
      { description: 'startup under 15 ms', met: true },
    ];
    const lines = renderGoals(goals).split('\n');
    expect(lines[0]).toBe('== Goals: 2 of 3 met');
    const row = (what: string) => lines.find((line) => line.startsWith(what)) ?? '';
    expect(row('Acme: guard, valid body')).toMatch(/typebox\s+1\.25x \[0\.90x-2\.00x\]\s+>= 1x speed\s+hit$/);
    expect(row('Acme: guard, invalid body')).toMatch(
      /hand guard\s+1\.50x \[1\.25x-1\.75x\]\s+<= 1\.2x time\s+MISS$/,
    );
    expect(lines).toContain('hit   startup under 15 ms');
    expect(lines.slice(lines.indexOf('Missed:'))).toEqual(['Missed:', '  C vs D', '']);
  });
});
