import fc from 'fast-check';
import { getVendor, type VendorId } from '../../src/index.js';
import { envelopeExamples } from '../helpers/vendor-bodies.js';

/** Runs per property per vendor: 1,000 in the normal suite, FUZZ_RUNS in `npm run fuzz`. */
export const RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 1000;

const encoder = new TextEncoder();

const headerValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.nat({ max: 2_000_000_000_000 }).map(String),
  fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
  fc.constantFrom(
    '"default";r=0;t=30',
    'limit=1, remaining=0, reset=5',
    'Tuesday, 31-Mar-26 12:00:05 GMT',
    'Tue Mar 31 12:00:05 2026',
  ),
);

export const headersArbitrary = fc.oneof(
  fc.dictionary(
    fc.oneof(
      fc.constantFrom(
        'Retry-After',
        'X-RateLimit-Reset',
        'RateLimit',
        'RateLimit-Policy',
        'X-API-Key',
        '__proto__',
        'constructor',
      ),
      fc.string({ maxLength: 12 }),
    ),
    fc.oneof(headerValue, fc.array(headerValue, { maxLength: 3 })),
    { maxKeys: 5 },
  ),
  fc.constant(undefined),
  fc.anything() as fc.Arbitrary<never>,
);

export function statusArbitrary(vendorId: VendorId) {
  const documented = getVendor(vendorId).catalog.map((entry) => entry.status);
  return fc.oneof(
    fc.constantFrom(...documented, 200, 204, 301, 429, 500, 502, 503, 504),
    fc.integer({ min: -10, max: 1000 }),
    fc.constantFrom('429', ' 503 ', 'abc', '', '1e3'),
  );
}

type Mutation = {
  at: number;
  kind: 'replace' | 'delete' | 'stringify' | 'arrayify' | 'nullify';
  value: unknown;
};

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'delete', 'stringify', 'arrayify', 'nullify'),
  value: fc.jsonValue({ maxDepth: 3 }),
});

/** Every (container, key) pair inside a JSON value, so a mutation can target any member. */
function slots(value: unknown, found: Array<[Record<string, unknown>, string]> = []) {
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      found.push([value as Record<string, unknown>, key]);
      slots((value as Record<string, unknown>)[key], found);
    }
  }
  return found;
}

function mutate(example: unknown, mutations: Mutation[]): unknown {
  const copy = structuredClone(example);
  for (const mutation of mutations) {
    const all = slots(copy);
    const slot = all[mutation.at % Math.max(all.length, 1)];
    if (!slot) continue;
    const [container, key] = slot;
    const current = container[key];
    if (mutation.kind === 'delete') delete container[key];
    else if (mutation.kind === 'replace') container[key] = mutation.value;
    else if (mutation.kind === 'stringify') container[key] = JSON.stringify(current) ?? 'undefined';
    else if (mutation.kind === 'arrayify') container[key] = [current];
    else container[key] = null;
  }
  return copy;
}

/** Documented examples damaged in a few random places, as values, for checks that take parsed JSON. */
export function mutatedExampleArbitrary(examples: readonly unknown[]) {
  return fc
    .record({
      example: fc.constantFrom(...examples),
      mutations: fc.array(mutationArbitrary, { maxLength: 4 }),
    })
    .map(({ example, mutations }) => mutate(example, mutations));
}

/** The vendor's own documented examples, damaged in a few random places, as text or bytes. */
export function mutatedEnvelopeArbitrary(vendorId: VendorId) {
  const examples = envelopeExamples(vendorId);
  return fc
    .record({
      example: fc.constantFrom(...examples),
      mutations: fc.array(mutationArbitrary, { maxLength: 4 }),
      pollute: fc.boolean(),
      asBytes: fc.boolean(),
      cut: fc.option(fc.nat(), { nil: undefined }),
    })
    .map(({ example, mutations, pollute, asBytes, cut }) => {
      let text = JSON.stringify(mutate(example, mutations)) ?? '';
      // JSON.parse keeps "__proto__" as an own key, which is exactly what a hostile body sends.
      if (pollute && text.startsWith('{'))
        text = `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${text.slice(1)}`;
      if (cut !== undefined) text = text.slice(0, cut % (text.length + 1));
      return asBytes ? encoder.encode(text) : text;
    });
}

export const arbitraryJsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 6 }),
  fc.object({ maxDepth: 4, withNullPrototype: true }),
);

export const arbitraryBytesBody = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  fc.string({ unit: 'binary', maxLength: 512 }),
  fc.constant(undefined),
);
