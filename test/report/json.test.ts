import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStrictAjv } from '../../scripts/codegen/ajv.js';
import { InvalidRunResultError } from '../../src/report/invalid-result-error.js';
import { renderJson } from '../../src/report/reporters/json.js';
import type { RunResult } from '../../src/report/result.js';
import { validateRunResult } from '../../src/report/validate-result.js';
import { schemasDir } from '../helpers/paths.js';
import { fixtureResult, narrowedFixture } from './fixtures.js';

const schema = JSON.parse(readFileSync(join(schemasDir, 'meta', 'run-result.schema.json'), 'utf8'));
const validate = createStrictAjv().compile(schema);

/** The fixture seen without its types, because each change below is meant to break the contract. */
// biome-ignore lint/suspicious/noExplicitAny: the point of these values is to be what the types forbid.
type Untyped = any;

function broken(change: (result: Untyped) => void): RunResult {
  const result: Untyped = fixtureResult();
  change(result);
  return result as unknown as RunResult;
}

const invalid: Array<[string, (result: Untyped) => void, string]> = [
  [
    'a not-applicable check without a reason',
    (r) => delete r.vendors[0].checks[4].reason,
    '/vendors/0/checks/4/reason',
  ],
  [
    'a failed check with no failure listed',
    (r) => (r.vendors[0].checks[1].failures = []),
    '/vendors/0/checks/1/failures',
  ],
  [
    'a passing check with failures',
    (r) => (r.vendors[0].checks[0].failures = [{ message: 'x' }]),
    '/vendors/0/checks/0/failures',
  ],
  [
    'a drift outcome with no drift note',
    (r) => (r.vendors[0].checks[2].drift = []),
    '/vendors/0/checks/2/drift',
  ],
  [
    'a path outside the checklist',
    (r) => (r.vendors[0].checks[0].path = 'teapot'),
    '/vendors/0/checks/0/path',
  ],
  ['an unknown target', (r) => (r.target = 'production'), '/target'],
  ['a start time without a time zone', (r) => (r.startedAt = '2026-11-22T04:00:00'), '/startedAt'],
  [
    'an exchange with neither response nor error',
    (r) => delete r.vendors[0].checks[0].exchanges[0].response,
    '/vendors/0/checks/0/exchanges/0',
  ],
  ['a member the schema does not know', (r) => (r.extra = true), ''],
  ['an empty --only selection', (r) => (r.only = []), '/only'],
];

describe('the run-result schema', () => {
  it('accepts the fixture, as ajv compiles it from the schema file', () => {
    expect(validate(fixtureResult()), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(invalid)('rejects %s (ajv and the generated validator agree)', (_label, change, path) => {
    const result = broken(change);
    expect(validate(result)).toBe(false);
    const generated = validateRunResult(result);
    expect(generated.valid).toBe(false);
    if (!generated.valid) expect(generated.issues.map((issue) => issue.path)).toContain(path);
  });
});

describe('the JSON report', () => {
  it('is the redacted result, pretty-printed, and valid against the schema', () => {
    const text = renderJson(fixtureResult());
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(text);
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed.vendors[0].checks[0].exchanges[0].request.headers.Authorization).toBe('[REDACTED]');
  });

  it('records the --only selection of a narrowed run, and none for a full run', () => {
    const narrowed = narrowedFixture();
    const parsed = JSON.parse(renderJson(narrowed));
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed.only).toEqual(narrowed.only);
    expect(parsed.only).toHaveLength(1);
    expect(JSON.parse(renderJson(fixtureResult()))).not.toHaveProperty('only');
  });

  it('refuses to write a result that breaks the schema, naming the place', () => {
    const result = broken(invalid[0]?.[1] ?? (() => {}));
    expect(() => renderJson(result)).toThrow(InvalidRunResultError);
    expect(() => renderJson(result)).toThrow(
      /\/vendors\/0\/checks\/4\/reason: must have required property 'reason'/,
    );
  });

  it('refuses totals that disagree with the checks', () => {
    const passes = fixtureResult().totals.pass;
    const result = broken((r) => (r.totals.pass += 1));
    expect(() => renderJson(result)).toThrow(
      `/totals/pass: says ${passes + 1} but the checks have ${passes}`,
    );
  });
});
