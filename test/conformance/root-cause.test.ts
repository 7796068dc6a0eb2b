import { describe, expect, it } from 'vitest';
import { judge } from '../../src/conformance/assertions.js';
import { checklistFor, type ScenarioCheck } from '../../src/conformance/index.js';
import type { VendorId } from '../../src/index.js';
import { envelopeWithCode } from '../helpers/vendor-bodies.js';

/**
 * One answer, one root cause: a body that is not JSON cannot be judged member by member, so it is
 * one failure naming what came back; and no failure or drift says "null" where it means "nothing".
 */

function checkFor(vendorId: VendorId, code: string): ScenarioCheck {
  const found = checklistFor(vendorId).find(
    (check): check is ScenarioCheck => check.kind === 'scenario' && check.code === code,
  );
  if (!found) throw new Error(`${vendorId} has no check for ${code}`);
  return found;
}

const HTML_413 =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body><center><h1>413 Request Entity Too Large</h1></center></body></html>';

describe('judging an answer that is not JSON', () => {
  it('gives one failure that names the status, content type and start of what came back', () => {
    const verdict = judge('collate', checkFor('collate', 'payload_too_large'), {
      status: 413,
      headers: { 'content-type': 'text/html' },
      body: HTML_413,
    });
    expect(verdict.failures).toHaveLength(1);
    const [failure] = verdict.failures;
    expect(failure?.message).toBe('The answer is not a JSON error body.');
    expect(failure?.expected).toBe('a JSON envelope body with code payload_too_large, status 413');
    expect(failure?.actual).toMatch(/^413 text\/html: <html> <head><title>413 Request Entity Too Large/);
    expect(verdict.drift).toEqual([]);
  });

  it('folds a wrong status into the same failure (a proxy page answered 502)', () => {
    const verdict = judge('collate', checkFor('collate', 'payload_too_large'), {
      status: 502,
      headers: {},
      body: '',
    });
    expect(verdict.failures).toEqual([
      {
        message: 'The answer is not a JSON error body.',
        expected: 'a JSON envelope body with code payload_too_large, status 413',
        actual: '502 (no Content-Type): an empty body',
      },
    ]);
  });
});

describe('failures and drift say what was expected, never null', () => {
  it('a code outside the catalog expects "a code from the catalog"', () => {
    const body = envelopeWithCode('collate', 'conflict_made_up');
    const verdict = judge('collate', checkFor('collate', 'version_conflict'), {
      status: 409,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const notes = [...verdict.failures, ...verdict.drift];
    expect(notes.length).toBeGreaterThan(0);
    const notInCatalog = notes.find((note) =>
      note.message.startsWith('The code in the body is not in the catalog'),
    );
    expect(notInCatalog).toMatchObject({ expected: 'a code from the catalog', actual: 'conflict_made_up' });
    for (const note of notes) expect(note.expected ?? null).not.toBeNull();
  });

  it('an unknown member is drift with the member as actual and the schema’s members as expected', () => {
    const body = { ...envelopeWithCode('collate', 'version_conflict'), surprise: { nested: 1 } };
    const verdict = judge('collate', checkFor('collate', 'version_conflict'), {
      status: 409,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const note = verdict.drift.find((candidate) => candidate.path === '/surprise');
    expect(note?.actual).toEqual({ surprise: { nested: 1 } });
    expect(String(note?.expected)).toMatch(/^only the members the schema lists \(/);
  });
});
