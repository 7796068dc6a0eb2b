import { describe, expect, it } from 'vitest';
import { parsePointer, readPointer } from '../../src/normalize/json-pointer.js';
import { interactionsFor } from '../../src/pact/interactions.js';
import { RFC3339 } from '../../src/pact/matchers.js';
import { findCatalogEntry, getVendor, vendorIds } from '../../src/vendors/registry.js';
import { committedContract } from './contract-data.js';

interface Rules {
  [path: string]: { matchers: { match: string; regex?: string; format?: string }[] };
}
interface ContractInteraction {
  description: string;
  request: { headers?: Record<string, string[]>; matchingRules?: { header?: Rules } };
  response: {
    status: number;
    body?: { content: unknown };
    headers?: Record<string, string[]>;
    matchingRules?: { body?: Rules; header?: Rules };
  };
}

const jsonPath = (pointer: string) =>
  `$${parsePointer(pointer)
    .map((part) => `.${part}`)
    .join('')}`;
const atPointer = (value: unknown, pointer: string) => readPointer(value, parsePointer(pointer));

/** Every coded interaction of every vendor, with what its catalog entry and policy promise. */
const cases = vendorIds.flatMap((vendorId) => {
  const contract = JSON.parse(committedContract(vendorId)) as { interactions: ContractInteraction[] };
  return interactionsFor(vendorId).interactions.flatMap((spec) => {
    const interaction = contract.interactions.find((candidate) => candidate.description === spec.description);
    return interaction && spec.code ? [[vendorId, spec.code, spec, interaction] as const] : [];
  });
});

describe.each(cases)('the %s %s interaction', (vendorId, code, spec, interaction) => {
  const { policy } = getVendor(vendorId);
  const entry = findCatalogEntry(vendorId, code);
  const reader = policy.envelopes.find((candidate) => candidate.surface === (entry?.surface ?? 'api'));
  const bodyRules = interaction.response.matchingRules?.body ?? {};
  const headerRules = interaction.response.matchingRules?.header ?? {};

  it('expects the catalog status and the exact code, with no matcher loosening the code', () => {
    expect(interaction.response.status).toBe(entry?.status);
    if (!reader?.code) return;
    expect(atPointer(interaction.response.body?.content, reader.code)).toBe(code);
    expect(bodyRules[jsonPath(reader.code)]).toBeUndefined();
  });

  it('matches the message by type and the request id by the documented pattern', () => {
    const message = reader?.message[0];
    if (message) expect(bodyRules[jsonPath(message)]?.matchers).toEqual([{ match: 'type' }]);
    const idPointer = policy.requestId.promised ? (reader?.requestId ?? policy.requestId.pointer) : undefined;
    if (idPointer && policy.requestId.pattern) {
      expect(bodyRules[jsonPath(idPointer)]?.matchers).toEqual([
        { match: 'regex', regex: policy.requestId.pattern },
      ]);
    }
  });

  it('requires a JSON content type and every header the catalog lists, by form', () => {
    expect(headerRules['Content-Type']?.matchers[0]?.match).toBe('regex');
    for (const header of entry?.headers ?? []) {
      expect(headerRules[header]?.matchers[0]?.match, header).toBe('regex');
      const example = interaction.response.headers?.[header]?.[0] ?? '';
      expect(new RegExp(headerRules[header]?.matchers[0]?.regex ?? '^$').test(example), header).toBe(true);
    }
  });

  it('sends its credential as a stand-in matched by a regex', () => {
    const credential = spec.request.credential;
    if (!credential) return;
    const value = interaction.request.headers?.[credential.header]?.[0] ?? '';
    expect(value).toContain(`example-${credential.role}-credential`);
    expect(interaction.request.matchingRules?.header?.[credential.header]?.matchers[0]?.match).toBe('regex');
  });
});

describe('the interactions as a whole', () => {
  it('demand no timestamp, which the docs show only in an example', () => {
    for (const vendorId of vendorIds) expect(committedContract(vendorId)).not.toContain('"timestamp"');
  });

  it('match a required date-time as RFC 3339, in every form the schemas allow', () => {
    const pattern = new RegExp(RFC3339);
    for (const valid of [
      '2026-03-31T12:00:00.000Z',
      '2026-03-31T12:00:00Z',
      '2026-03-31T12:00:00.123456Z',
      '2026-03-31T12:00:00+02:00',
    ]) {
      expect(pattern.test(valid), valid).toBe(true);
    }
    for (const invalid of ['2026-03-31 12:00:00Z', '2026-03-31T12:00:00', 'yesterday']) {
      expect(pattern.test(invalid), invalid).toBe(false);
    }
  });
});
