import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/client/redactor.js';
import { normalizeError } from '../../src/normalize/normalize-error.js';
import { redactText } from '../../src/report/redact.js';
import { redactQuery } from '../../src/simulator/redact.js';

interface SurfaceCase {
  surface: 'client.text' | 'report.text' | 'normalize.rawBody' | 'simulator.query';
  input: string;
  secrets: string[];
  expected: string;
  /** What the surface gave before the redaction rules were unified, where that differs. */
  before?: string;
  why?: string;
}

/**
 * Each surface's output pinned as data: the rows with `before` are the behaviours that differed
 * between surfaces and were decided once (the `why` says how).
 */
const cases = JSON.parse(
  readFileSync(new URL('./surfaces.fixtures.json', import.meta.url), 'utf8'),
) as SurfaceCase[];

const surfaces: Record<SurfaceCase['surface'], (input: string, secrets: string[]) => string> = {
  'client.text': (input, secrets) => createRedactor(() => secrets).text(input),
  'report.text': (input, secrets) => redactText(input, secrets),
  'normalize.rawBody': (input, secrets) =>
    normalizeError('collate', { status: 400, body: input }, { redact: { secrets } }).raw.body,
  'simulator.query': (input) => redactQuery(new URLSearchParams(input)),
};

describe('every redaction surface', () => {
  it.each(cases)('$surface turns $input into $expected', ({ surface, input, secrets, expected }) => {
    expect(surfaces[surface](input, secrets)).toBe(expected);
  });

  it('agrees across the client, the reports and the normalizer for every text input given secrets', () => {
    const withSecrets = cases.filter((row) => row.secrets.length > 0 && row.surface !== 'simulator.query');
    const byInput = new Map<string, SurfaceCase[]>();
    for (const row of withSecrets) byInput.set(row.input, [...(byInput.get(row.input) ?? []), row]);
    expect(byInput.size).toBeGreaterThan(3);
    for (const rows of byInput.values()) expect(new Set(rows.map((row) => row.expected)).size).toBe(1);
  });
});
