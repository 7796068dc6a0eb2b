import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/report/reporters/junit.js';
import { fixtureResult, HOSTILE_BODY } from './fixtures.js';
import { findAll, parseXml } from './xml.js';

describe('the JUnit report', () => {
  const result = fixtureResult();
  const xml = renderJunit(result);
  const root = parseXml(xml);
  const suites = findAll(root, 'testsuite');

  it('is a well-formed XML document with testsuites at the root', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(root.name).toBe('testsuites');
  });

  it('has one testsuite per vendor and one testcase per check', () => {
    expect(suites.map((suite) => suite.attributes.id)).toEqual(result.vendors.map((vendor) => vendor.id));
    suites.forEach((suite, index) => {
      const vendor = result.vendors[index];
      expect(findAll(suite, 'testcase')).toHaveLength(vendor?.checks.length ?? -1);
      expect(suite.attributes.tests).toBe(String(vendor?.checks.length));
    });
  });

  it('names each test case by vendor and check id, so a failure leads to the check', () => {
    const cases = suites.flatMap((suite) => findAll(suite, 'testcase'));
    const expected = result.vendors.flatMap((vendor) =>
      vendor.checks.map((check) => ({ classname: vendor.id, name: `${check.id}: ${check.title}` })),
    );
    expect(
      cases.map(({ attributes }) => ({ classname: attributes.classname, name: attributes.name })),
    ).toEqual(expected);
  });

  it('counts failures and skipped tests the same in attributes and elements', () => {
    const failures = findAll(root, 'failure').length;
    const skipped = findAll(root, 'skipped').length;
    expect(failures).toBe(result.totals.fail);
    expect(skipped).toBe(result.totals.skipped + result.totals.not_applicable);
    expect(root.attributes).toMatchObject({
      tests: String(result.vendors.reduce((sum, vendor) => sum + vendor.checks.length, 0)),
      failures: String(failures),
      skipped: String(skipped),
      errors: '0',
    });
  });

  it('puts expected and actual in the failure text', () => {
    const failure = findAll(root, 'failure').find((element) => element.text.includes('status differs'));
    expect(failure?.attributes.message).toBe('status differs from the catalog (and 1 more)');
    expect(failure?.text).toContain('expected: 422');
    expect(failure?.text).toContain('actual:   400');
  });

  it('gives skipped tests their reason and reports drift as a warning in system-out', () => {
    const messages = findAll(root, 'skipped').map((element) => element.attributes.message);
    expect(messages).toContain(`not applicable: ${result.vendors[0]?.name} documents no rate limit`);
    const out = findAll(root, 'system-out').map((element) => element.text);
    expect(out).toEqual(['drift warning: member not in the schema: hint at /error/hint']);
  });

  it('carries markup from a response body as text, and replaces characters XML forbids', () => {
    expect(xml).not.toContain('<script>');
    expect(findAll(root, 'failure').some((element) => element.text.includes(HOSTILE_BODY))).toBe(true);
    const hostile = fixtureResult();
    const check = hostile.vendors[0]?.checks[1];
    if (check?.outcome === 'fail') check.failures[0] = { message: 'nul \u0000 and \uFFFF and \uD800 here' };
    const parsed = parseXml(renderJunit(hostile));
    expect(findAll(parsed, 'failure')[0]?.attributes.message).toContain(
      'nul \uFFFD and \uFFFD and \uFFFD here',
    );
  });
});

describe('the XML reader used above', () => {
  it.each([
    ['unbalanced tags', '<a><b></a></b>'],
    ['a raw ampersand', '<a>x & y</a>'],
    ['an unquoted attribute', '<a b=c/>'],
    ['two roots', '<a/><b/>'],
    ['a raw "<" in an attribute', '<a b="<"/>'],
  ])('rejects %s', (_label, source) => {
    expect(() => parseXml(source)).toThrow();
  });
});
