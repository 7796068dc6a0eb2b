import { describe, expect, it } from 'vitest';
import { scrubText } from '../../src/redaction/scrub.js';
import { REDACTED } from '../../src/redaction/vocabulary.js';

/*
 * A secret comes from outside (a vendor's token endpoint, a cassette, a config), so redaction must
 * take time linear in the text whatever the secret holds. A secret made of backslashes is the worst
 * case for a search that accepts each character either as written or escaped: `\` may be read as
 * `\` or as the first half of `\\`, and a pattern with one alternation per character backtracks
 * exponentially. Each case below scrubs a text full of near misses with a 40-character secret and
 * compares the time with scrubbing the same text without secrets, in this process. The budget is a
 * ratio, generous for a loaded machine, and far below what backtracking costs (minutes at 40).
 */
const SECRET_LENGTH = 40;
const TEXT_LENGTH = 64 * 1024;
const BUDGET_RATIO = 100;

const backslashes = '\\'.repeat(SECRET_LENGTH - 1);
const cases: { name: string; secret: string; text: string }[] = [
  {
    name: 'backslashes then a letter, in a run of backslashes',
    secret: `${backslashes}x`,
    text: '\\'.repeat(TEXT_LENGTH),
  },
  {
    name: 'a letter then backslashes, in a run of backslashes',
    secret: `x${backslashes}`,
    text: `x${'\\'.repeat(TEXT_LENGTH)}`,
  },
  {
    name: 'backslashes, in doubled backslashes ending short',
    secret: '\\'.repeat(SECRET_LENGTH),
    text: `${'\\\\'.repeat(SECRET_LENGTH - 1)}y`.repeat(TEXT_LENGTH / (2 * SECRET_LENGTH)),
  },
  {
    name: 'backslashes, in mixed escapes ending short',
    secret: '\\'.repeat(SECRET_LENGTH),
    text: `${'\\\\%5c\\u005C%5C\\'.repeat(8)}z`.repeat(TEXT_LENGTH / 200),
  },
  {
    name: 'slashes and quotes, in their escapes',
    secret: `${'\\/"'.repeat(13)}\\`,
    text: '\\\\\\/\\"'.repeat(TEXT_LENGTH / 6),
  },
];

function medianMs(run: () => void, rounds = 5): number {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(rounds / 2)] ?? 0;
}

describe('redaction time with backslash-heavy secrets', () => {
  it.each(cases.map((entry) => [entry.name, entry] as const))(
    'stays linear: %s',
    (_name, { secret, text }) => {
      expect(secret).toHaveLength(SECRET_LENGTH);
      // Warm both paths up, so the first measurement does not pay for compilation.
      scrubText(text, []);
      scrubText(text, [secret]);
      const baseline = Math.max(
        medianMs(() => scrubText(text, [])),
        0.05,
      );
      const withSecret = medianMs(() => scrubText(text, [secret]));
      const ratio = withSecret / baseline;
      console.log(
        `redaction ${_name}: ${withSecret.toFixed(2)} ms with the secret, ${baseline.toFixed(2)} ms without, ratio ${ratio.toFixed(1)} (budget ${BUDGET_RATIO})`,
      );
      expect(ratio).toBeLessThan(BUDGET_RATIO);
    },
  );

  it('still finds a backslash secret spelt with any mixture of escapes', () => {
    const secret = `${'\\'.repeat(SECRET_LENGTH - 1)}x`;
    const spelt = [...secret]
      .map((char, i) => (char === '\\' ? ['\\\\', '%5c', '\\u005C', '%5C'][i % 4] : char))
      .join('');
    expect(scrubText(`before ${spelt} after`, [secret])).toBe(`before ${REDACTED} after`);
    expect(scrubText(`before ${secret} after`, [secret])).toBe(`before ${REDACTED} after`);
  });
});
