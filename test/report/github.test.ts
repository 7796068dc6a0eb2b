import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  escapeCommandData,
  escapeCommandProperty,
  formatGithubOutputs,
  renderAnnotations,
  runOutputs,
} from '../../src/report/reporters/github.js';
import { writeGithubReport } from '../../src/report/write-github.js';
import { parseCommand, parseGithubOutputs } from '../helpers/github-commands.js';
import { fixtureResult } from './fixtures.js';

describe('GitHub annotations', () => {
  const result = fixtureResult();
  const lines = renderAnnotations(result).trimEnd().split('\n');
  const commands = lines.map(parseCommand);

  it('emit one error per failed check and one warning per drift note, one line each', () => {
    const failed = result.vendors.flatMap((vendor) =>
      vendor.checks.filter((check) => check.outcome === 'fail'),
    );
    const drift = result.vendors.flatMap((vendor) => vendor.checks.flatMap((check) => check.drift));
    expect(commands.filter((command) => command.name === 'error')).toHaveLength(failed.length);
    expect(commands.filter((command) => command.name === 'warning')).toHaveLength(drift.length);
    expect(lines).toHaveLength(failed.length + drift.length);
  });

  it('title each with the vendor and check id and carry expected and actual in the message', () => {
    const [vendor] = result.vendors;
    const error = commands.find(
      (command) => command.properties.title === `${vendor?.name} › validation.field_details`,
    );
    expect(error?.name).toBe('error');
    expect(error?.message).toContain('status differs from the catalog\n  expected: 422\n  actual:   400');
    const warning = commands.find((command) => command.name === 'warning');
    expect(warning?.properties.title).toBe(`${vendor?.name} › conflict.duplicate (drift)`);
    expect(warning?.message).toBe('member not in the schema: hint at /error/hint');
  });

  it('escape what would end a command early, so an API cannot write commands of its own', () => {
    const hostile = fixtureResult();
    const check = hostile.vendors[0]?.checks[1];
    if (check?.outcome === 'fail') check.id = 'a:b,c%d';
    if (check?.outcome === 'fail') check.failures = [{ message: '100% done\r\n::error::forged\nmore' }];
    const output = renderAnnotations(hostile);
    const forged = output.split('\n').find((line) => line.includes('forged')) ?? '';
    expect(output.split('\n').filter((line) => line.startsWith('::error')).length).toBe(hostile.totals.fail);
    const parsed = parseCommand(forged);
    expect(parsed.properties.title).toMatch(/› a:b,c%d$/);
    // The carriage return is shown, not obeyed; the line feeds stay (escaped as %0A on the wire).
    expect(parsed.message).toContain('100% done\\r\n::error::forged\nmore');
  });

  it.each([
    ['%', '%25', '%25'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['k: v, w', 'k: v, w', 'k%3A v%2C w'],
    ['50%:,', '50%25:,', '50%25%3A%2C'],
  ])('escape %j as data %j and as a property %j', (raw, data, property) => {
    expect(escapeCommandData(raw)).toBe(data);
    expect(escapeCommandProperty(raw)).toBe(property);
  });
});

describe('GitHub step outputs', () => {
  it('carry each count, the outcome and each report path', () => {
    const result = fixtureResult();
    const outputs = runOutputs(result, { junit: '/tmp/r/junit.xml' });
    expect(outputs).toMatchObject({
      fail: String(result.totals.fail),
      drift: String(result.totals.drift),
      pass: String(result.totals.pass),
      skipped: String(result.totals.skipped),
      not_applicable: String(result.totals.not_applicable),
      outcome: 'fail',
      'junit-path': '/tmp/r/junit.xml',
    });
  });

  it('write every value in the multi-line form, which no value can break out of', () => {
    const text = formatGithubOutputs({ a: '1', b: 'two\nlines\nx=y' });
    expect(parseGithubOutputs(text)).toEqual({ a: '1', b: 'two\nlines\nx=y' });
    expect(() => formatGithubOutputs({ a: 'END' }, () => 'END')).toThrow(/delimiter/);
  });
});

describe('the github reporter in a job', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ec-github-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends the summary and the outputs to the files the runner names, keeping what was there', async () => {
    const summary = join(dir, 'summary.md');
    const output = join(dir, 'output');
    await writeFile(summary, 'earlier step\n');
    await writeFile(output, 'earlier=1\n');
    const report = await writeGithubReport(fixtureResult(), [{ reporter: 'json', path: '/x/results.json' }], {
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
    });
    expect(report.notes).toEqual([]);
    const written = await readFile(summary, 'utf8');
    expect(written.startsWith('earlier step\n## ✗ error-contracts:')).toBe(true);
    const outputs = await readFile(output, 'utf8');
    expect(outputs.startsWith('earlier=1\n')).toBe(true);
    expect(parseGithubOutputs(outputs)).toMatchObject({ 'json-path': '/x/results.json', outcome: 'fail' });
    expect(report.annotations).toMatch(/^::error /);
  });

  it('says so when it is not in a job, and still gives the annotations', async () => {
    const report = await writeGithubReport(fixtureResult(), [], {});
    expect(report.notes.join('')).toContain('GITHUB_STEP_SUMMARY is not set');
    expect(report.annotations).toContain('::warning ');
  });
});
