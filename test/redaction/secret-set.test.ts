import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scrubSecrets, scrubText } from '../../src/redaction/scrub.js';
import { secretSet, withSecrets } from '../../src/redaction/secret-set.js';

interface Fixture {
  surface: string;
  input: string;
  secrets: string[];
}

const fixtures = JSON.parse(
  readFileSync(new URL('./surfaces.fixtures.json', import.meta.url), 'utf8'),
) as Fixture[];
const texts = fixtures.filter((fixture) => fixture.surface === 'report.text');

describe('a prepared secret set', () => {
  it('scrubs every surface fixture as the plain list does, the first time and from its memo', () => {
    for (const { input, secrets } of texts) {
      const prepared = secretSet(secrets);
      const plain = scrubText(input, [...secrets]);
      expect(scrubText(input, prepared), input).toBe(plain);
      expect(scrubText(input, prepared), input).toBe(plain);
      expect(scrubSecrets(input, prepared), input).toBe(scrubSecrets(input, [...secrets]));
    }
  });

  it('keeps a memo per set: the same text scrubbed with another set is scrubbed afresh', () => {
    const text = 'token tok_live_123456 and key key_live_987654';
    const first = secretSet(['tok_live_123456']);
    const second = secretSet(['key_live_987654']);
    expect(scrubText(text, first)).toBe('token [REDACTED] and key key_live_987654');
    expect(scrubText(text, second)).toBe('token tok_live_123456 and key [REDACTED]');
  });

  it('is the searchable secrets, frozen, so the list cannot drift from its memo', () => {
    const prepared = secretSet(['abc', 'longer-secret', 'long-secret', 'longer-secret']);
    expect(prepared).toEqual(['longer-secret', 'long-secret']);
    expect(Object.isFrozen(prepared)).toBe(true);
    expect(secretSet(prepared)).toBe(prepared);
  });

  it('is kept by withSecrets when nothing new is added, and replaced when something is', () => {
    const prepared = secretSet(['secret-one', 'secret-two']);
    expect(withSecrets(prepared, ['secret-two', 'abc'])).toBe(prepared);
    const grown = withSecrets(prepared, ['secret-three']);
    expect([...grown].sort()).toEqual(['secret-one', 'secret-three', 'secret-two']);
    expect(scrubText('secret-three', grown)).toBe('[REDACTED]');
  });
});
