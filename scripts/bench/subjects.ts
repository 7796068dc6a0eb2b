import { getVendor, type VendorId, vendorIds } from '../../src/index.js';

/** One vendor's schema as the validation bench exercises it, with the inputs every engine sees. */
export interface BenchSubject {
  vendor: VendorId;
  /** Which of the vendor's envelope schemas is measured. */
  envelope: string;
  schema: Readonly<Record<string, unknown>>;
  /** The generated standalone validator for that schema, which reports every failure. */
  standalone: (data: unknown) => boolean;
  /** The generated standalone type guard for that schema, which stops at the first failure. */
  guard: (data: unknown) => boolean;
  /** The schema's first documented example. */
  valid: unknown;
  /** A realistic near-miss: the sort of body a drifted vendor would send. */
  invalid: unknown;
  /** Further bodies, valid and invalid, used only to check that the engines agree. */
  mutations: ReadonlyArray<{ label: string; data: unknown }>;
}

/**
 * ClaimRev's API envelope accepts any body, so validating it measures nothing; its token endpoint's
 * OAuth error is the one ClaimRev shape with real constraints.
 */
const envelopeFor: Record<VendorId, string> = {
  claimrev: 'tokenError',
  collate: 'envelope',
  casexchange: 'envelope',
  foresight: 'envelope',
  denialbase: 'envelope',
};

type Json = Record<string, unknown>;

/**
 * A deep copy of `base` with the member at `path` replaced (or removed when `value` is `absent`),
 * so mutations never leak into the shared samples.
 */
const absent = Symbol('absent');
function edit(base: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown {
  const copy = structuredClone(base) as Json;
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Json;
  const last = path.at(-1) as string | number;
  if (value === absent) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** The invalid sample and the extra mutations of each vendor, derived from its valid sample. */
const variants: Record<VendorId, (valid: unknown) => Pick<BenchSubject, 'invalid' | 'mutations'>> = {
  claimrev: (valid) => ({
    invalid: edit(edit(valid, ['error'], 'invalid client'), ['error_uri'], 'not a uri'),
    mutations: [
      { label: 'missing error', data: edit(valid, ['error'], absent) },
      { label: 'empty error', data: edit(valid, ['error'], '') },
      { label: 'a quote in the description', data: edit(valid, ['error_description'], 'say "hi"') },
      { label: 'a quote in the code', data: edit(valid, ['error'], 'invalid"client') },
      { label: 'an absolute error_uri', data: edit(valid, ['error_uri'], 'https://idp.example/e') },
      { label: 'integer error codes', data: edit(valid, ['error_codes'], [7000215, 1]) },
      { label: 'a fractional error code', data: edit(valid, ['error_codes'], [1.5]) },
      { label: 'an extra member', data: edit(valid, ['tenant'], 'x') },
      { label: 'a numeric trace id', data: edit(valid, ['trace_id'], 42) },
    ],
  }),
  collate: (valid) => ({
    invalid: edit(edit(valid, ['error', 'retryable'], 'false'), ['requestId'], absent),
    mutations: [
      {
        label: 'no details or issues',
        data: { error: { code: 'x', message: 'y', retryable: true }, requestId: 'r' },
      },
      { label: 'details as an array', data: edit(valid, ['error', 'details'], []) },
      { label: 'details as null', data: edit(valid, ['error', 'details'], null) },
      { label: 'an issue that is a string', data: edit(valid, ['error', 'issues'], ['bad']) },
      { label: 'an empty request id', data: edit(valid, ['requestId'], '') },
      { label: 'extra members', data: edit(edit(valid, ['trace'], 1), ['error', 'hint'], 'h') },
      { label: 'error as an array', data: edit(valid, ['error'], []) },
    ],
  }),
  casexchange: (valid) => ({
    invalid: edit(valid, ['meta', 'timestamp'], '2026-03-31 noon'),
    mutations: [
      {
        label: 'a date that does not exist',
        data: edit(valid, ['meta', 'timestamp'], '2026-04-31T12:00:00Z'),
      },
      { label: 'an offset time', data: edit(valid, ['meta', 'timestamp'], '2026-03-31T12:00:00+02:00') },
      { label: 'a time with no zone', data: edit(valid, ['meta', 'timestamp'], '2026-03-31T12:00:00') },
      { label: 'missing meta', data: edit(valid, ['meta'], absent) },
      { label: 'an empty code', data: edit(valid, ['error', 'code'], '') },
      { label: 'a numeric message', data: edit(valid, ['error', 'message'], 1) },
      { label: 'an extra member', data: edit(valid, ['links'], {}) },
      { label: 'an array body', data: [valid] },
    ],
  }),
  foresight: (valid) => ({
    invalid: edit(valid, ['error', 'type'], 'validation'),
    mutations: [
      { label: 'no param', data: edit(valid, ['error', 'param'], absent) },
      { label: 'an empty param', data: edit(valid, ['error', 'param'], '') },
      { label: 'a relative docs URL', data: edit(valid, ['error', 'docsUrl'], '/guides/errors') },
      { label: 'a docs URL with a space', data: edit(valid, ['error', 'docsUrl'], 'https://x.test/a b') },
      { label: 'a missing request id', data: edit(valid, ['error', 'requestId'], absent) },
      { label: 'an extra member', data: edit(valid, ['error', 'retryable'], false) },
      { label: 'null', data: null },
    ],
  }),
  denialbase: (valid) => ({
    invalid: edit(valid, ['error', 'details', 1, 'field'], absent),
    mutations: [
      { label: 'no details', data: edit(valid, ['error', 'details'], absent) },
      { label: 'details as an object', data: edit(valid, ['error', 'details'], {}) },
      { label: 'an empty field name', data: edit(valid, ['error', 'details', 0, 'field'], '') },
      { label: 'an empty details list', data: edit(valid, ['error', 'details'], []) },
      { label: 'a missing request id', data: edit(valid, ['error', 'request_id'], absent) },
      { label: 'an extra detail member', data: edit(valid, ['error', 'details', 0, 'code'], 1) },
      { label: 'a string body', data: 'not an object' },
    ],
  }),
};

function subjectFor(vendor: VendorId): BenchSubject {
  const definition = getVendor(vendor);
  const envelope = envelopeFor[vendor];
  const schemas = definition.schemas as Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  const validators = definition.validators as unknown as Record<string, (data: unknown) => boolean>;
  const schema = schemas[envelope];
  const standalone = validators[envelope];
  const guard = (definition.guards as unknown as Record<string, (data: unknown) => boolean>)[envelope];
  if (!schema || !standalone || !guard) throw new Error(`${vendor} has no ${envelope} schema`);
  const examples = schema.examples;
  if (!Array.isArray(examples) || examples.length === 0)
    throw new Error(`${vendor}/${envelope} has no example`);
  const valid = examples[0] as unknown;
  return { vendor, envelope, schema, standalone, guard, valid, ...variants[vendor](valid) };
}

/**
 * Foresight's coarse error types, read from its envelope schema so that the hand-written peers
 * (hand guard, zod, TypeBox) all check the one documented list.
 */
export const foresightErrorTypes: readonly [string, ...string[]] = (() => {
  const envelope = getVendor('foresight').schemas.envelope as {
    properties?: { error?: { properties?: { type?: { enum?: unknown } } } };
  };
  const types = envelope.properties?.error?.properties?.type?.enum;
  if (!Array.isArray(types) || types.length === 0 || !types.every((type) => typeof type === 'string'))
    throw new Error('the Foresight envelope schema lists no error types');
  return types as [string, ...string[]];
})();

/** Every vendor's bench subject, in the registry's vendor order. */
export const subjects: readonly BenchSubject[] = vendorIds.map(subjectFor);
